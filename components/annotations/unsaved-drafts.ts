import type { AnnotationDraft } from '@/components/annotations/annotation-form';
import type { TextSelection } from '@/components/editor/annotated-article';
import { keptKey, readKept, writeKept } from '@/lib/client/kept-input';

/**
 * A claim check being written and not saved yet, kept in the browser as it is typed
 * (lib/client/kept-input.ts): the side panel offers to resume it. One per user and article; gone
 * once saved or discarded.
 */
export interface UnsavedCheck {
  selection: TextSelection;
  /** The form's idempotency key: a save retried after a resume cannot make a second annotation. */
  key: string;
  draft: AnnotationDraft;
  savedAt: string;
}

/** Whether a draft holds anything a reviewer would mind losing. */
export function hasContent(draft: AnnotationDraft): boolean {
  return draft.verdict !== null || draft.rationale.trim() !== '' || draft.sources.some((s) => s.url.trim() || s.title.trim() || s.excerpt.trim() || s.evidence);
}

export function isUnsavedCheck(value: unknown): value is UnsavedCheck {
  const check = value as UnsavedCheck | null;
  return (
    !!check &&
    typeof check.key === 'string' &&
    typeof check.selection?.exact === 'string' &&
    Number.isInteger(check.selection.start) &&
    Number.isInteger(check.selection.end) &&
    isDraft(check.draft)
  );
}

/** A draft as the form holds it (from storage: checked, not trusted). */
export function isDraft(value: unknown): value is AnnotationDraft {
  const draft = value as AnnotationDraft | null;
  return !!draft && (draft.verdict === null || typeof draft.verdict === 'string') && typeof draft.rationale === 'string' && Array.isArray(draft.sources);
}

export function readUnsavedCheck(userId: string, articleId: string): UnsavedCheck | null {
  return readKept(keptKey('check', userId, articleId), isUnsavedCheck);
}

/** Keeps `check` (or forgets the article's, with null or a draft with nothing in it). */
export function keepUnsavedCheck(userId: string, articleId: string, check: Omit<UnsavedCheck, 'savedAt'> | null): void {
  writeKept(keptKey('check', userId, articleId), check && hasContent(check.draft) ? { ...check, savedAt: new Date().toISOString() } : null);
}

/** The passage where it is in `text` now: at its offsets, else its only occurrence; null if gone. */
export function relocate(selection: TextSelection, text: string): TextSelection | null {
  if (text.slice(selection.start, selection.end) === selection.exact) return selection;
  const first = text.indexOf(selection.exact);
  if (first < 0 || text.indexOf(selection.exact, first + 1) >= 0) return null;
  return { start: first, end: first + selection.exact.length, exact: selection.exact };
}

/** Changes to an annotation being written: kept per user and annotation until saved or undone. */
export interface UnsavedEdit {
  /** The annotation's version the changes were made to (a save of them sends it: a newer one is a conflict). */
  version: number;
  draft: AnnotationDraft;
}

function isUnsavedEdit(value: unknown): value is UnsavedEdit {
  const edit = value as UnsavedEdit | null;
  return !!edit && Number.isInteger(edit.version) && isDraft(edit.draft);
}

export function readUnsavedEdit(userId: string, annotationId: string): UnsavedEdit | null {
  return readKept(keptKey('edit', userId, annotationId), isUnsavedEdit);
}

export function keepUnsavedEdit(userId: string, annotationId: string, edit: UnsavedEdit | null): void {
  writeKept(keptKey('edit', userId, annotationId), edit);
}

/** Whether two drafts say the same (what a save would send). */
export function sameDraft(a: AnnotationDraft, b: AnnotationDraft): boolean {
  const comparable = (d: AnnotationDraft) => ({
    verdict: d.verdict,
    rationale: d.rationale,
    correctionNote: d.correctionNote?.trim() || null,
    sources: d.sources.map((s) => [s.url, s.title, s.publisher, s.excerpt, s.accessedAt, s.evidence?.id ?? null]),
  });
  return JSON.stringify(comparable(a)) === JSON.stringify(comparable(b));
}
