'use client';

import { useEffect, useEffectEvent, useId, useRef, useState } from 'react';
import { Toolbar } from 'radix-ui';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { VerdictDto } from '@/lib/verdicts/list-verdicts';
import { ApiError } from '@/lib/client/api-client';
import type { SimilarClaim } from '@/lib/annotations/find-similar-claims';
import { SimilarClaims } from '@/components/annotations/similar-claims';
import { EvidenceField } from '@/components/annotations/evidence-field';
import { RestoredNotice } from '@/components/ui/restored-notice';
import type { EvidenceDto } from '@/lib/evidence/evidence-dto';

export interface SourceDraft {
  url: string;
  title: string;
  publisher: string;
  excerpt: string;
  accessedAt: string;
  /** A screenshot or PDF of the page as it was seen, uploaded already. */
  evidence: EvidenceDto | null;
}

export interface AnnotationDraft {
  verdict: string | null;
  rationale: string;
  sources: SourceDraft[];
  /** Why an approved verdict changes (published in the article's corrections log). */
  correctionNote?: string;
}

interface Props {
  quote: string;
  verdicts: VerdictDto[];
  initial?: AnnotationDraft;
  mode: 'create' | 'edit';
  /** The annotation being edited is approved: changing its verdict is a public correction. */
  approved?: boolean;
  onSave: (draft: AnnotationDraft, submit: boolean) => Promise<void>;
  onCancel: () => void;
  /** What the annotation says now, when `initial` holds unsaved changes kept from before: offered to start over from. */
  original?: AnnotationDraft;
  /** Who else is checking an overlapping passage right now (their claim form is open on it). */
  othersChecking?: string[];
  /** Called with the draft as it changes (to keep it: components/annotations/unsaved-drafts.ts). */
  onChange?: (draft: AnnotationDraft) => void;
}

const today = () => new Date().toISOString().slice(0, 10);
const emptySource = (): SourceDraft => ({ url: '', title: '', publisher: '', excerpt: '', accessedAt: today(), evidence: null });

export function draftFromAnnotation(annotation: AnnotationDto): AnnotationDraft {
  return {
    verdict: annotation.verdict?.key ?? null,
    rationale: annotation.rationale,
    sources: annotation.sources.map(toSourceDraft),
  };
}

function toSourceDraft(s: Omit<AnnotationDto['sources'][number], 'id'>): SourceDraft {
  return { url: s.url, title: s.title, publisher: s.publisher, excerpt: s.excerpt, accessedAt: s.accessedAt ?? '', evidence: s.evidence };
}

/** The sources as the API takes them (an evidence file by its id). */
export function sourcesPayload(sources: SourceDraft[]) {
  return sources.map((s) => ({ url: s.url.trim(), title: s.title, publisher: s.publisher, excerpt: s.excerpt, accessedAt: s.accessedAt || null, evidenceId: s.evidence?.id ?? null }));
}

/** "A", "A and B", "A, B and C". */
function listNames(names: string[]): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Verdict, rationale and sources; used to create an annotation and to edit one. */
export function AnnotationForm({ quote, verdicts, initial, original, mode, approved = false, onSave, onCancel, onChange, othersChecking = [] }: Props) {
  const [draft, setDraft] = useState<AnnotationDraft>(initial ?? { verdict: null, rationale: '', sources: [] });
  const [restored, setRestored] = useState(original !== undefined);
  const reportChange = useEffectEvent((changed: AnnotationDraft) => onChange?.(changed));
  useEffect(() => reportChange(draft), [draft]);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [saving, setSaving] = useState<'draft' | 'submit' | null>(null);
  const [uploads, setUploads] = useState(0);
  const rationaleRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const verdict = verdicts.find((v) => v.key === draft.verdict) ?? null;
  const needsSource = verdict?.requiresSource ?? false;
  const correcting = approved && draft.verdict !== (initial?.verdict ?? null);

  const setSource = (index: number, patch: Partial<SourceDraft>) =>
    setDraft((d) => ({ ...d, sources: d.sources.map((s, i) => (i === index ? { ...s, ...patch } : s)) }));

  function wrapSelection(before: string, after: string) {
    const area = rationaleRef.current;
    if (!area) return;
    const { selectionStart: start, selectionEnd: end, value } = area;
    const next = value.slice(0, start) + before + value.slice(start, end) + after + value.slice(end);
    setDraft((d) => ({ ...d, rationale: next }));
    requestAnimationFrame(() => {
      area.focus();
      area.setSelectionRange(start + before.length, end + before.length);
    });
  }

  async function save(submit: boolean) {
    setError(null);
    if (uploads > 0) return setError({ message: 'An evidence file is still uploading; save when it has finished.' });
    if (submit && !verdict) return setError({ message: 'Choose a verdict before submitting.', field: 'verdict' });
    if (submit && needsSource && draft.sources.length === 0) {
      return setError({ message: `A “${verdict?.label}” verdict needs at least one source before it can be submitted. Add a source, or save a draft.`, field: 'sources' });
    }
    if (correcting && !draft.correctionNote?.trim()) {
      return setError({ message: "This verdict was approved: say why it changes. The note goes into the article's public corrections log.", field: 'correctionNote' });
    }
    setSaving(submit ? 'submit' : 'draft');
    try {
      await onSave({ ...draft, correctionNote: correcting ? draft.correctionNote : undefined, sources: draft.sources.filter((s) => s.url.trim() || s.title.trim() || s.evidence) }, submit);
    } catch (caught) {
      const apiError = caught instanceof ApiError ? caught : null;
      setError({ message: apiError?.message ?? 'Saving failed.', field: apiError?.field });
    } finally {
      setSaving(null);
    }
  }

  const fieldError = (field: string) => (error?.field && (error.field === field || error.field.startsWith(`${field}.`)) ? error.message : null);

  return (
    <form
      className="annotation-form"
      aria-label={mode === 'create' ? 'Check claim' : 'Edit annotation'}
      onSubmit={(event) => {
        event.preventDefault();
        void save(true);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h2>{mode === 'create' ? 'Check claim' : 'Edit annotation'}</h2>
      <blockquote className="quote">{quote}</blockquote>
      {othersChecking.length > 0 && (
        <p className="notice" role="status" data-testid="others-checking">
          {listNames(othersChecking)} {othersChecking.length === 1 ? 'is' : 'are'} checking this passage right now.
        </p>
      )}
      {restored && original && (
        <RestoredNotice
          testId="restored-changes"
          message="Your unsaved changes from before are back."
          actionLabel="Start over"
          onAction={() => {
            setDraft(original);
            setRestored(false);
          }}
        />
      )}
      {mode === 'create' && <SimilarClaims text={quote} onReuse={(claim) => setDraft((d) => reuseClaim(d, claim))} />}

      <fieldset className="field">
        <legend>Verdict</legend>
        <div className="verdict-choices" role="radiogroup" aria-label="Verdict">
          {verdicts.map((v) => (
            <label key={v.key} className={`verdict-choice${draft.verdict === v.key ? ' selected' : ''}`} style={{ ['--hl' as string]: v.color }}>
              <input
                type="radio"
                name={`${id}-verdict`}
                value={v.key}
                checked={draft.verdict === v.key}
                onChange={() => setDraft((d) => ({ ...d, verdict: v.key }))}
                autoFocus={v.key === (initial?.verdict ?? verdicts[0]?.key)}
              />
              <span className="swatch" aria-hidden="true" />
              {v.label}
            </label>
          ))}
        </div>
        {fieldError('verdict') && <p className="field-error">{fieldError('verdict')}</p>}
      </fieldset>

      {correcting && (
        <div className="field correction-note">
          <label htmlFor={`${id}-correction`}>Why does the approved verdict change? (public, in the corrections log)</label>
          <textarea
            id={`${id}-correction`}
            rows={3}
            maxLength={2000}
            required
            value={draft.correctionNote ?? ''}
            onChange={(event) => setDraft((d) => ({ ...d, correctionNote: event.target.value }))}
            aria-invalid={Boolean(fieldError('correctionNote'))}
          />
          {fieldError('correctionNote') && <p className="field-error">{fieldError('correctionNote')}</p>}
        </div>
      )}

      <div className="field">
        <label htmlFor={`${id}-rationale`}>Rationale</label>
        {/* Radix Toolbar: one Tab stop, arrow keys move between the buttons. */}
        <Toolbar.Root className="format-bar" aria-label="Formatting">
          <Toolbar.Button type="button" className="button small" onClick={() => wrapSelection('**', '**')} aria-label="Bold">
            <b>B</b>
          </Toolbar.Button>
          <Toolbar.Button type="button" className="button small" onClick={() => wrapSelection('*', '*')} aria-label="Italic">
            <i>I</i>
          </Toolbar.Button>
          <Toolbar.Button type="button" className="button small" onClick={() => wrapSelection('[', '](https://)')} aria-label="Link">
            Link
          </Toolbar.Button>
          <Toolbar.Button type="button" className="button small" onClick={() => wrapSelection('\n- ', '')} aria-label="List item">
            • List
          </Toolbar.Button>
        </Toolbar.Root>
        <textarea
          id={`${id}-rationale`}
          ref={rationaleRef}
          rows={6}
          maxLength={20000}
          value={draft.rationale}
          onChange={(event) => setDraft((d) => ({ ...d, rationale: event.target.value }))}
          placeholder="Why this verdict? **bold**, *italic*, [link](https://…), - list"
          aria-invalid={Boolean(fieldError('rationale'))}
        />
        <span className="muted small">{draft.rationale.length.toLocaleString()} / 20,000</span>
        {fieldError('rationale') && <p className="field-error">{fieldError('rationale')}</p>}
      </div>

      <fieldset className="field sources">
        <legend>
          Sources {needsSource ? <span className="muted">(at least one to submit)</span> : <span className="muted">(optional for this verdict)</span>}
        </legend>
        {draft.sources.map((source, index) => (
          <div className="source-editor" key={index} role="group" aria-label={`Source ${index + 1}`}>
            <label>
              URL
              <input type="url" inputMode="url" required value={source.url} placeholder="https://" onChange={(e) => setSource(index, { url: e.target.value })} aria-invalid={Boolean(fieldError(`sources.${index}`))} />
            </label>
            <label>
              Title
              <input value={source.title} onChange={(e) => setSource(index, { title: e.target.value })} />
            </label>
            <label>
              Publisher
              <input value={source.publisher} onChange={(e) => setSource(index, { publisher: e.target.value })} />
            </label>
            <label>
              Quoted excerpt
              <textarea rows={2} value={source.excerpt} onChange={(e) => setSource(index, { excerpt: e.target.value })} />
            </label>
            <label>
              Date accessed
              <input type="date" value={source.accessedAt} onChange={(e) => setSource(index, { accessedAt: e.target.value })} />
            </label>
            <EvidenceField
              sourceName={`Source ${index + 1}`}
              evidence={source.evidence}
              onChange={(evidence) => setSource(index, { evidence })}
              onUploadingChange={(uploading) => setUploads((n) => n + (uploading ? 1 : -1))}
            />
            <button type="button" className="button small danger" onClick={() => setDraft((d) => ({ ...d, sources: d.sources.filter((_, i) => i !== index) }))}>
              Remove source {index + 1}
            </button>
            {fieldError(`sources.${index}`) && <p className="field-error">{fieldError(`sources.${index}`)}</p>}
          </div>
        ))}
        <button type="button" className="button small" onClick={() => setDraft((d) => ({ ...d, sources: [...d.sources, emptySource()] }))}>
          + Add source
        </button>
        {fieldError('sources') && error?.field === 'sources' && <p className="field-error">{error.message}</p>}
      </fieldset>

      {error && !error.field && (
        <p role="alert" className="form-error">
          {error.message}
        </p>
      )}
      {error?.field && (
        <p role="alert" className="sr-only">
          {error.message}
        </p>
      )}

      <div className="form-actions">
        {mode === 'create' ? (
          <>
            <button type="submit" className="button primary" disabled={saving !== null}>
              {saving === 'submit' ? 'Submitting…' : 'Submit'}
            </button>
            <button type="button" className="button" disabled={saving !== null} onClick={() => void save(false)}>
              {saving === 'draft' ? 'Saving…' : 'Save draft'}
            </button>
          </>
        ) : (
          <button type="button" className="button primary" disabled={saving !== null} onClick={() => void save(false)}>
            {saving ? 'Saving…' : 'Save changes'}
          </button>
        )}
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * An earlier check's verdict, rationale and sources, taken into the form without losing what the
 * reviewer already wrote: their rationale stays first, and a source already listed is not repeated.
 */
export function reuseClaim(draft: AnnotationDraft, claim: SimilarClaim): AnnotationDraft {
  const earlier = `As checked in “${claim.article.title}”: ${claim.rationale}`.trim();
  const known = new Set(draft.sources.map((s) => s.url.trim()));
  return {
    verdict: claim.verdict.key,
    rationale: draft.rationale.trim() ? `${draft.rationale.trim()}\n\n${earlier}` : earlier,
    sources: [
      ...draft.sources,
      ...claim.sources
        .filter((s) => !known.has(s.url))
        .map(toSourceDraft),
    ],
  };
}
