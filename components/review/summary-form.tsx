'use client';

import { useState } from 'react';
import { apiFetch } from '@/lib/client/api-client';
import { readableError } from '@/lib/client/readable-error';
import type { ArticleSummary } from '@/lib/articles/update-article-summary';
import type { VerdictDto } from '@/lib/verdicts/list-verdicts';

const MAX_SUMMARY_LENGTH = 20_000;

interface Props {
  articleId: string;
  initial: ArticleSummary;
  verdicts: VerdictDto[];
  onSaved: (saved: ArticleSummary) => void;
}

/** The editor's overall summary and rating of the article. */
export function SummaryForm({ articleId, initial, verdicts, onSaved }: Props) {
  const [summary, setSummary] = useState(initial.summary ?? '');
  const [verdict, setVerdict] = useState(initial.summaryVerdict?.key ?? '');
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string; field?: string }>({ kind: 'idle' });

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setState({ kind: 'saving' });
    try {
      const saved = await apiFetch<ArticleSummary>(`/api/articles/${articleId}/summary`, { method: 'PUT', json: { summary, verdict: verdict || null } });
      setSummary(saved.summary ?? '');
      setVerdict(saved.summaryVerdict?.key ?? '');
      setState({ kind: 'saved' });
      onSaved(saved);
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
        <div className="field">
          <label htmlFor="review-rating">Overall rating</label>
          <select id="review-rating" value={verdict} onChange={(e) => setVerdict(e.target.value)} {...invalid('verdict')}>
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
          <textarea id="review-summary" rows={6} value={summary} maxLength={MAX_SUMMARY_LENGTH} onChange={(e) => setSummary(e.target.value)} {...invalid('summary')} />
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
