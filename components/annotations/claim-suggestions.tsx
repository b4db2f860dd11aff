'use client';

import { useEffect, useState } from 'react';
import type { ArticleClaimSuggestion } from '@/lib/claims/get-claim-suggestions';
import type { TextSelection } from '@/components/editor/annotated-article';
import { apiFetch, ApiError } from '@/lib/client/api-client';

interface Props {
  articleId: string;
  /** The article text the page shows now: a suggestion whose sentence has changed since is not offered. */
  text: string;
  onCheck: (selection: TextSelection) => void;
  onClose: () => void;
}

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'done'; suggestions: ArticleClaimSuggestion[] };

/** "Suggest claims": the sentences most worth checking, with why, each one click from the claim form. */
export function ClaimSuggestions({ articleId, text, onCheck, onClose }: Props) {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    apiFetch<{ suggestions: ArticleClaimSuggestion[] }>(`/api/articles/${articleId}/claim-suggestions`)
      .then(({ suggestions }) => !cancelled && setState({ kind: 'done', suggestions }))
      .catch((error) => !cancelled && setState({ kind: 'error', message: error instanceof ApiError ? error.message : 'Could not load suggestions.' }));
    return () => {
      cancelled = true;
    };
  }, [articleId]);

  const showSentence = (suggestion: ArticleClaimSuggestion) => {
    // Scroll the sentence into view: the paragraph that holds its start.
    const paragraphIndex = text.slice(0, suggestion.start).split('\n').length - 1;
    document.querySelectorAll('.annotated-article .ProseMirror p')[paragraphIndex]?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };

  return (
    <section className="claim-suggestions" aria-labelledby="claim-suggestions-heading" data-testid="claim-suggestions">
      <div className="card-head">
        <h2 id="claim-suggestions-heading">Suggested claims</h2>
        <button type="button" className="button small" onClick={onClose}>
          Back to annotations
        </button>
      </div>
      <p className="muted small">Sentences with figures, reported speech, quotations, superlatives, comparisons or named sources, most worth checking first.</p>
      {state.kind === 'loading' && <p role="status">Reading the article…</p>}
      {state.kind === 'error' && (
        <p role="alert" className="form-error">
          {state.message}
        </p>
      )}
      {state.kind === 'done' && state.suggestions.length === 0 && <p className="empty-state">No sentence here carries a figure, a quotation or a reported claim. Select any passage in the text to check it yourself.</p>}
      {state.kind === 'done' && state.suggestions.length > 0 && (
        <ol className="suggestion-list">
          {state.suggestions.map((suggestion) => {
            const current = text.slice(suggestion.start, suggestion.end) === suggestion.text;
            return (
              <li key={suggestion.start} className="suggestion" data-testid="claim-suggestion">
                <blockquote className="quote">{suggestion.text}</blockquote>
                <p className="small">
                  <strong>Why:</strong> {suggestion.reason}
                </p>
                <div className="card-actions">
                  {suggestion.checked && <span className="status-pill">Already checked</span>}
                  <button
                    type="button"
                    className="button small primary"
                    disabled={!current}
                    aria-describedby={current ? undefined : `suggestion-stale-${suggestion.start}`}
                    onClick={() => {
                      showSentence(suggestion);
                      onCheck({ start: suggestion.start, end: suggestion.end, exact: suggestion.text });
                    }}
                  >
                    Check this claim
                  </button>
                  <button type="button" className="button small" onClick={() => showSentence(suggestion)}>
                    Show in text
                  </button>
                  {/* Said in words, not in a tooltip: a disabled button gets neither hover nor focus. */}
                  {!current && (
                    <span id={`suggestion-stale-${suggestion.start}`} className="muted small">
                      This sentence has changed since: go back and suggest claims again.
                    </span>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
