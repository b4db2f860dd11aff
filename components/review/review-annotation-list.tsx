'use client';

import { useState } from 'react';
import type { ReviewAnnotation } from '@/lib/articles/get-review-overview';
import type { BulkReviewResult } from '@/lib/articles/review-annotations-in-bulk';
import { apiFetch, ApiError } from '@/lib/client/api-client';
import { RationaleText } from '@/components/annotations/rationale-text';
import { StatusPill, VerdictBadge } from '@/components/annotations/verdict-badge';
import { AnnotationSources } from '@/components/annotations/annotation-sources';

type ReviewAction = 'approve' | 'request_changes';

interface Props {
  articleId: string;
  annotations: ReviewAnnotation[];
  /** Reloads the review after a change (the server's state is the truth). */
  onChanged: () => Promise<void>;
  notify: (message: string, kind?: 'ok' | 'error') => void;
}

const canApprove = (a: ReviewAnnotation) => a.status === 'SUBMITTED';
const canSendBack = (a: ReviewAnnotation) => a.status === 'SUBMITTED' || a.status === 'APPROVED';
const done: Record<ReviewAction, string> = { approve: 'approved', request_changes: 'sent back' };

/** Every annotation in text order, with checkboxes for bulk approve / send back and per-row buttons. */
export function ReviewAnnotationList({ articleId, annotations, onChanged, notify }: Props) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState<string | null>(null);
  const [failures, setFailures] = useState<{ id: string; message: string }[]>([]);
  const numbers = new Map(annotations.map((a, i) => [a.id, i + 1]));
  // Selections of annotations that are gone after a reload are dropped.
  const chosen = annotations.filter((a) => selected.has(a.id));
  const submitted = annotations.filter(canApprove);

  function toggle(id: string, on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  async function runBulk(action: ReviewAction) {
    setBusy(action);
    setFailures([]);
    try {
      const { results } = await apiFetch<{ results: BulkReviewResult[] }>(`/api/articles/${articleId}/review/bulk`, {
        method: 'POST',
        json: { annotationIds: chosen.map((a) => a.id), action, versions: Object.fromEntries(chosen.map((a) => [a.id, a.version])) },
      });
      const failed = results.flatMap((r) => (r.ok ? [] : [{ id: r.id, message: r.message }]));
      const succeeded = results.length - failed.length;
      setFailures(failed);
      setSelected(new Set(failed.map((f) => f.id)));
      if (succeeded) notify(`${succeeded} annotation${succeeded === 1 ? '' : 's'} ${done[action]}.`);
      if (failed.length) notify(`${failed.length} could not be ${done[action]}; see the list.`, 'error');
      await onChanged();
    } catch (error) {
      notify(error instanceof ApiError ? error.message : 'Something went wrong; nothing was changed.', 'error');
    } finally {
      setBusy(null);
    }
  }

  async function runOne(annotation: ReviewAnnotation, action: ReviewAction) {
    setBusy(`${action}:${annotation.id}`);
    try {
      await apiFetch(`/api/annotations/${annotation.id}/status`, { method: 'POST', json: { action, version: annotation.version } });
      notify(`Annotation ${numbers.get(annotation.id)} ${done[action]}.`);
    } catch (error) {
      notify(error instanceof ApiError ? error.message : 'Something went wrong; nothing was changed.', 'error');
    } finally {
      await onChanged().catch(() => undefined);
      setBusy(null);
    }
  }

  if (annotations.length === 0) {
    return (
      <section className="card review-panel" aria-labelledby="review-list-heading">
        <h2 id="review-list-heading">Annotations</h2>
        <p className="muted">No annotations yet. Reviewers add them on the article page (select a passage, then “Check claim”); assign reviewers to this article under “Assigned reviewers”.</p>
      </section>
    );
  }

  return (
    <section className="card review-panel" aria-labelledby="review-list-heading">
      <h2 id="review-list-heading">
        Annotations <span className="count">{annotations.length}</span>
      </h2>
      <div className="review-bulk-bar" role="group" aria-label="Bulk actions">
        <button type="button" className="button small" disabled={busy !== null || submitted.length === 0} onClick={() => setSelected(new Set(submitted.map((a) => a.id)))}>
          Select all submitted ({submitted.length})
        </button>
        <button type="button" className="button small" disabled={busy !== null || chosen.length === 0} onClick={() => setSelected(new Set())}>
          Clear selection
        </button>
        <span className="review-bulk-actions">
          <span className="muted small" aria-live="polite">
            {chosen.length} selected
          </span>
          <button type="button" className="button primary" disabled={busy !== null || chosen.length === 0} onClick={() => runBulk('approve')}>
            {busy === 'approve' ? 'Approving…' : 'Approve selected'}
          </button>
          <button type="button" className="button" disabled={busy !== null || chosen.length === 0} onClick={() => runBulk('request_changes')}>
            {busy === 'request_changes' ? 'Sending back…' : 'Send back selected'}
          </button>
        </span>
      </div>
      {failures.length > 0 && (
        <div role="alert" className="form-error">
          <p>Not changed (still selected):</p>
          <ul>
            {failures.map((f) => (
              <li key={f.id}>
                {numbers.has(f.id) ? `Annotation ${numbers.get(f.id)}` : 'An annotation'}: {f.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ol className="review-annotations">
        {annotations.map((a) => {
          const n = numbers.get(a.id)!;
          return (
            <li key={a.id} className={`review-row${selected.has(a.id) ? ' selected' : ''}`} data-testid="review-row" data-annotation-id={a.id}>
              <input type="checkbox" className="review-row-check" aria-label={`Select annotation ${n}`} checked={selected.has(a.id)} onChange={(e) => toggle(a.id, e.target.checked)} />
              <div className="review-row-body">
                <div className="review-row-head">
                  <span className="number">{n}</span> <VerdictBadge verdict={a.verdict} /> <StatusPill status={a.status} />
                  {a.orphaned && <span className="status-pill">Orphaned</span>}
                  <span className="muted small">{a.author.name}</span>
                </div>
                <blockquote className="quote">{a.target.exact}</blockquote>
                <RationaleText text={a.rationale} />
                <AnnotationSources sources={a.sources} />
                {a.comments.length > 0 && (
                  <details className="review-comments">
                    <summary className="small">
                      {a.comments.length} comment{a.comments.length === 1 ? '' : 's'}
                    </summary>
                    <ul className="comment-list">
                      {a.comments.map((c) => (
                        <li key={c.id}>
                          <strong>{c.author.name}</strong>
                          <p>{c.body}</p>
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
                <div className="card-actions">
                  {canApprove(a) && (
                    <button type="button" className="button small primary" disabled={busy !== null} onClick={() => runOne(a, 'approve')} aria-label={`Approve annotation ${n}`}>
                      Approve
                    </button>
                  )}
                  {canSendBack(a) && (
                    <button type="button" className="button small" disabled={busy !== null} onClick={() => runOne(a, 'request_changes')} aria-label={`Send back annotation ${n}`}>
                      Send back
                    </button>
                  )}
                </div>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
