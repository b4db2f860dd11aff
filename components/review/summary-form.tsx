'use client';

import { useState } from 'react';
import { keptKey, writeKept } from '@/lib/client/kept-input';
import { useKeptInput } from '@/lib/client/use-kept-input';
import { RestoredNotice } from '@/components/ui/restored-notice';
import { apiFetch } from '@/lib/client/api-client';
import { readableError } from '@/lib/client/readable-error';
import type { ArticleSummary } from '@/lib/articles/update-article-summary';
import type { VerdictDto } from '@/lib/verdicts/list-verdicts';

const MAX_SUMMARY_LENGTH = 20_000;

interface Props {
  articleId: string;
  userId: string;
  initial: ArticleSummary;
  verdicts: VerdictDto[];
  onSaved: (saved: ArticleSummary) => void;
}

type Kept = { summary: string; verdict: string };
const isKept = (value: unknown): value is Kept => typeof (value as Kept | null)?.summary === 'string' && typeof (value as Kept).verdict === 'string';

/**
 * The editor's overall summary and rating of the article. What is typed and not saved is kept in
 * the browser (lib/client/kept-input.ts) and back after a reload, with the saved one a click away.
 */
export function SummaryForm({ articleId, userId, initial, verdicts, onSaved }: Props) {
  const saved = { summary: initial.summary ?? '', verdict: initial.summaryVerdict?.key ?? '' };
  const [summary, setSummary] = useState(saved.summary);
  const [verdict, setVerdict] = useState(saved.verdict);
  const [restored, setRestored] = useState(false);
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string; field?: string }>({ kind: 'idle' });
  const key = keptKey('summary', userId, articleId);

  useKeptInput(key, isKept, (kept) => {
    if (!kept) return;
    setSummary(kept.summary);
    setVerdict(kept.verdict);
    setRestored(true);
  });

  const change = (next: Kept) => {
    setSummary(next.summary);
    setVerdict(next.verdict);
    writeKept(key, next.summary === saved.summary && next.verdict === saved.verdict ? null : next);
  };

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setState({ kind: 'saving' });
    try {
      const answer = await apiFetch<ArticleSummary>(`/api/articles/${articleId}/summary`, { method: 'PUT', json: { summary, verdict: verdict || null } });
      writeKept(key, null);
      setRestored(false);
      setSummary(answer.summary ?? '');
      setVerdict(answer.summaryVerdict?.key ?? '');
      setState({ kind: 'saved' });
      onSaved(answer);
    } catch (error) {
      setState({ kind: 'error', ...readableError(error, { summary: 'Summary', verdict: 'Overall rating' }, 'Saving failed; nothing was saved.') });
    }
  }

  const invalid = (field: string) => (state.kind === 'error' && state.field === field ? { 'aria-invalid': true, 'aria-describedby': 'review-summary-error' } : {});

  return (
    <section className="card review-panel" aria-labelledby="review-summary-heading">
      <h2 id="review-summary-heading">Summary and rating</h2>
      <form onSubmit={save} className="review-summary-form" aria-label="Summary and rating" noValidate>
        {state.kind === 'error' && (
          <div id="review-summary-error" role="alert" className="form-error">
            {state.message}
          </div>
        )}
        {restored && (
          <RestoredNotice
            testId="restored-summary"
            message="Your unsaved summary from before is back."
            actionLabel="Show the saved one"
            onAction={() => {
              change(saved);
              setRestored(false);
            }}
          />
        )}
        <div className="field">
          <label htmlFor="review-rating">Overall rating</label>
          <select id="review-rating" value={verdict} onChange={(e) => change({ summary, verdict: e.target.value })} {...invalid('verdict')}>
            <option value="">No rating</option>
            {verdicts.map((v) => (
              <option key={v.key} value={v.key}>
                {v.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="review-summary">Summary</label>
          <textarea id="review-summary" rows={6} value={summary} maxLength={MAX_SUMMARY_LENGTH} onChange={(e) => change({ summary: e.target.value, verdict })} {...invalid('summary')} />
          <span className="muted small">
            {summary.length.toLocaleString('en')} / {MAX_SUMMARY_LENGTH.toLocaleString('en')} characters
          </span>
        </div>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={state.kind === 'saving'} aria-busy={state.kind === 'saving'}>
            {state.kind === 'saving' ? 'Saving…' : 'Save summary'}
          </button>
          {state.kind === 'saved' && (
            <span role="status" className="review-saved">
              Summary saved.
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
