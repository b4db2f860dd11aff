'use client';

import { useMemo, useRef, useState } from 'react';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { VerdictDto } from '@/lib/verdicts/list-verdicts';
import { AnnotationForm, draftFromAnnotation, type AnnotationDraft } from '@/components/annotations/annotation-form';
import { keepUnsavedEdit, readUnsavedEdit, sameDraft } from '@/components/annotations/unsaved-drafts';

interface Props {
  annotation: AnnotationDto;
  userId: string;
  verdicts: VerdictDto[];
  /** Saves the changes as made to `baseVersion` of the annotation (a newer one on the server is a 409). */
  onSave: (draft: AnnotationDraft, baseVersion: number) => Promise<void>;
  onCancel: () => void;
}

/**
 * The edit form of an annotation, its changes kept in the browser as they are typed
 * (components/annotations/unsaved-drafts.ts): closed by mistake or lost with the page, they are
 * back the next time it is edited, made to the version they were made to, so that a save over
 * someone else's change since is a conflict to resolve rather than an overwrite.
 */
export function EditAnnotation({ annotation, userId, verdicts, onSave, onCancel }: Props) {
  const original = useMemo(() => draftFromAnnotation(annotation), [annotation]);
  const [kept] = useState(() => readUnsavedEdit(userId, annotation.id));
  const baseVersion = useRef(kept?.version ?? annotation.version);
  return (
    <AnnotationForm
      mode="edit"
      quote={annotation.target.exact}
      verdicts={verdicts}
      initial={kept?.draft ?? original}
      original={kept ? original : undefined}
      approved={annotation.status === 'APPROVED'}
      onChange={(draft) => {
        if (sameDraft(draft, original)) {
          baseVersion.current = annotation.version;
          keepUnsavedEdit(userId, annotation.id, null);
        } else {
          keepUnsavedEdit(userId, annotation.id, { version: baseVersion.current, draft });
        }
      }}
      onSave={(draft) => onSave(draft, baseVersion.current)}
      onCancel={onCancel}
    />
  );
}
