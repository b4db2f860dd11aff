'use client';

import { AnnotationSources } from '@/components/annotations/annotation-sources';
import { MentionTextarea } from '@/components/notifications/mention-textarea';
import { keptKey, writeKept } from '@/lib/client/kept-input';
import { useKeptInput } from '@/lib/client/use-kept-input';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { AnnotationSummary } from '@/lib/annotations/annotation-summary';
import type { CommentDto } from '@/lib/annotations/comments';
import type { AnnotationHistoryEntry } from '@/lib/annotations/get-annotation';
import type { StatusAction } from '@/lib/annotations/input-schemas';
import { apiFetch, ApiError } from '@/lib/client/api-client';
import { RationaleText } from '@/components/annotations/rationale-text';
import { StatusPill, VerdictBadge, statusLabel } from '@/components/annotations/verdict-badge';
import { useConfirm } from '@/components/ui/confirm-dialog';

export interface Viewer {
  id: string;
  canEditAny: boolean;
  canReview: boolean;
}

interface Props {
  /** What the page holds of it: enough for the card's head and the blind-review notice. */
  annotation: AnnotationSummary;
  /** The rest (rationale, sources, who and when), read when the card opens; null until then. */
  detail: AnnotationDto | null;
  viewer: Viewer;
  number: number;
  /** Bumped when someone else changes this annotation, so comments and history reload. */
  revision: number;
  onEdit: () => void;
  onStatus: (action: StatusAction) => Promise<void>;
  onDelete: () => Promise<void>;
  onClose: () => void;
  notify: (message: string, kind?: 'ok' | 'error') => void;
}

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

function describeEvent(entry: AnnotationHistoryEntry): string {
  const data = (entry.data ?? {}) as Record<string, unknown>;
  switch (entry.kind) {
    case 'created':
      return `created it${data.verdict ? ` as “${String(data.verdict)}”` : ''} (${statusLabel[data.status as AnnotationDto['status']] ?? 'draft'})`;
    case 'updated': {
      const changes = Object.entries((data.changes ?? {}) as Record<string, { from: unknown; to: unknown }>);
      if (!changes.length) return 'saved without changes';
      return `changed ${changes
        .map(([field, change]) => (field === 'verdict' ? `verdict from “${change.from ?? 'none'}” to “${change.to ?? 'none'}”` : field))
        .join(', ')}`;
    }
    case 'submitted':
      return 'submitted it for review';
    case 'approved':
      return 'approved it';
    case 'changes_requested':
      return `requested changes${data.note ? `: “${String(data.note)}”` : ''}`;
    case 'reopened':
      return 'reopened it for review';
    case 'commented':
      return 'commented';
    case 'thread_resolved':
      return 'resolved the thread';
    case 'thread_reopened':
      return 'reopened the thread';
    case 'deleted':
      return 'deleted it';
    case 'corrected':
      return `corrected the approved verdict: “${String(data.note ?? '')}”`;
    default:
      return entry.kind.replace(/_/g, ' ');
  }
}

export function AnnotationCard({ annotation: summary, detail, viewer, number, revision, onEdit, onStatus, onDelete, onClose, notify }: Props) {
  // The fresher of the two for what both have; the actions wait for the detail (they send its version).
  const annotation: AnnotationSummary = summary.blind ? summary : (detail ?? summary);
  const [comments, setComments] = useState<CommentDto[] | null>(null);
  const [history, setHistory] = useState<AnnotationHistoryEntry[] | null>(null);
  // The comment being written, kept per annotation as it is typed (lib/client/kept-input.ts): it
  // stays with its own annotation when n / p move the card, and survives a reload.
  const commentKey = keptKey('comment', viewer.id, annotation.id);
  const [comment, setCommentText] = useState('');
  useKeptInput(commentKey, (value): value is string => typeof value === 'string', (kept) => setCommentText(kept ?? ''));
  const setComment = (value: string) => {
    setCommentText(value);
    writeKept(commentKey, value.trim() ? value : null);
  };
  const shownCommentKey = useRef(commentKey);
  useEffect(() => {
    shownCommentKey.current = commentKey;
  }, [commentKey]);
  const [busy, setBusy] = useState<string | null>(null);
  const [confirm, confirmDialog] = useConfirm();
  const isAuthor = annotation.author.id === viewer.id;
  const canEdit = isAuthor || viewer.canEditAny;

  const read = useCallback(async () => {
    const [c, h] = await Promise.all([
      apiFetch<{ comments: CommentDto[] }>(`/api/annotations/${annotation.id}/comments`),
      apiFetch<{ history: AnnotationHistoryEntry[] }>(`/api/annotations/${annotation.id}/history`),
    ]);
    return { comments: c.comments, history: h.history };
  }, [annotation.id]);

  useEffect(() => {
    // Blind review: its comments and history stay hidden with its verdict.
    if (summary.blind) return;
    // n and p move this card to another annotation: a late answer about the one before is dropped.
    let current = true;
    read().then(
      (loaded) => {
        if (!current) return;
        setComments(loaded.comments);
        setHistory(loaded.history);
      },
      () => {
        if (current) notify('Could not load comments and history.', 'error');
      },
    );
    return () => {
      current = false;
    };
  }, [read, revision, summary.version, summary.blind, notify]);

  async function run(label: string, action: () => Promise<void>) {
    setBusy(label);
    try {
      await action();
    } catch (error) {
      notify(error instanceof ApiError ? error.message : 'Something went wrong.', 'error');
    } finally {
      setBusy(null);
    }
  }

  async function postComment(event: React.FormEvent) {
    event.preventDefault();
    if (!comment.trim()) return;
    await run('comment', async () => {
      const postedKey = commentKey;
      await apiFetch(`/api/annotations/${annotation.id}/comments`, { method: 'POST', json: { body: comment } });
      writeKept(postedKey, null);
      // Cleared only if the card still shows that annotation (n / p may have moved it meanwhile).
      if (shownCommentKey.current === postedKey) setCommentText('');
      const loaded = await read();
      setComments(loaded.comments);
      setHistory(loaded.history);
      notify('Comment posted.');
    });
  }

  const statusButtons: { action: StatusAction; label: string; show: boolean; primary?: boolean }[] = [
    { action: 'submit', label: 'Submit for review', show: (isAuthor || viewer.canEditAny) && (annotation.status === 'DRAFT' || annotation.status === 'CHANGES_REQUESTED'), primary: true },
    { action: 'approve', label: 'Approve', show: viewer.canReview && annotation.status === 'SUBMITTED', primary: true },
    { action: 'request_changes', label: 'Request changes', show: viewer.canReview && (annotation.status === 'SUBMITTED' || annotation.status === 'APPROVED') },
    { action: 'reopen', label: 'Reopen', show: viewer.canReview && (annotation.status === 'APPROVED' || annotation.status === 'CHANGES_REQUESTED') },
  ];

  if (summary.blind) {
    return (
      <article className="annotation-card" aria-labelledby={`card-title-${annotation.id}`} data-testid="annotation-card">
        <header className="card-head">
          <h2 id={`card-title-${annotation.id}`} tabIndex={-1}>
            <span className="number">{number}</span> <VerdictBadge verdict={null} blind /> <StatusPill status={annotation.status} />
          </h2>
          <button type="button" className="button small" onClick={onClose} aria-label="Close card">
            ✕
          </button>
        </header>
        <blockquote className="quote">{annotation.target.exact}</blockquote>
        <p className="notice" data-testid="blind-notice">
          This article is in blind review: {annotation.author.name}’s verdict on this passage, with its rationale, sources and comments, stays hidden until
          you submit your own check of it.
        </p>
      </article>
    );
  }

  return (
    <article className="annotation-card" aria-labelledby={`card-title-${annotation.id}`} data-testid="annotation-card">
      <header className="card-head">
        <h2 id={`card-title-${annotation.id}`} tabIndex={-1}>
          <span className="number">{number}</span> <VerdictBadge verdict={annotation.verdict} blind={annotation.blind} /> <StatusPill status={annotation.status} />
        </h2>
        <button type="button" className="button small" onClick={onClose} aria-label="Close card">
          ✕
        </button>
      </header>
      {annotation.orphaned && <p className="warning">This passage is no longer in the article text: the annotation is orphaned, kept with its last known quote.</p>}
      <blockquote className="quote">{annotation.target.exact}</blockquote>
      {detail ? (
        <>
          <RationaleText text={detail.rationale} />

          <h3>Sources</h3>
          <AnnotationSources sources={detail.sources} excerpts />

          <p className="muted small">
            By {detail.author.name} · {when(detail.createdAt)}
            {detail.statusChangedBy && detail.statusChangedAt && (
              <>
                {' '}
                · {statusLabel[detail.status]} by {detail.statusChangedBy.name}, {when(detail.statusChangedAt)}
              </>
            )}
          </p>
        </>
      ) : (
        <p className="muted" aria-busy="true" data-testid="annotation-detail-loading">
          Loading rationale and sources…
        </p>
      )}

      <div className="card-actions">
        {statusButtons
          .filter((b) => b.show)
          .map((b) => (
            <button key={b.action} type="button" className={`button${b.primary ? ' primary' : ''}`} disabled={busy !== null || !detail} onClick={() => run(b.action, () => onStatus(b.action))}>
              {busy === b.action ? '…' : b.label}
            </button>
          ))}
        {canEdit && (
          <button type="button" className="button" onClick={onEdit} disabled={!detail}>
            Edit
          </button>
        )}
        {canEdit && (
          <button
            type="button"
            className="button danger"
            disabled={!detail}
            onClick={async () => {
              const confirmed = await confirm({
                title: 'Delete this annotation?',
                description: 'Its verdict, rationale, sources and comments leave the article; the history keeps a record that it was deleted.',
                action: 'Delete',
                destructive: true,
              });
              if (confirmed) run('delete', onDelete);
            }}
          >
            Delete
          </button>
        )}
        {confirmDialog}
      </div>

      <section aria-label="Comments" className="comments">
        <h3>
          Comments {detail?.threadResolvedAt && <span className="status-pill status-approved">Resolved</span>}
        </h3>
        {comments === null ? (
          <p className="muted">Loading comments…</p>
        ) : comments.length === 0 ? (
          <p className="muted">No comments yet. Ask a question or add context for the editor.</p>
        ) : (
          <ul className="comment-list">
            {comments.map((c) => (
              <li key={c.id}>
                <strong>{c.author.name}</strong> <span className="muted small">{when(c.createdAt)}</span>
                <p>{c.body}</p>
              </li>
            ))}
          </ul>
        )}
        <form onSubmit={postComment} className="comment-form">
          <label htmlFor={`comment-${annotation.id}`} className="sr-only">
            Add a comment
          </label>
          <MentionTextarea id={`comment-${annotation.id}`} rows={2} value={comment} onValueChange={setComment} placeholder="Add a comment… (@ to mention someone)" maxLength={10000} />
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy !== null || !comment.trim()}>
              {busy === 'comment' ? 'Posting…' : 'Comment'}
            </button>
            {detail && comments && comments.length > 0 && (
              <button
                type="button"
                className="button"
                onClick={() =>
                  run('thread', async () => {
                    await apiFetch(`/api/annotations/${annotation.id}/thread`, { method: 'POST', json: { resolved: !detail.threadResolvedAt } });
                    notify(detail.threadResolvedAt ? 'Thread reopened.' : 'Thread resolved.');
                  })
                }
              >
                {detail.threadResolvedAt ? 'Reopen thread' : 'Resolve thread'}
              </button>
            )}
          </div>
        </form>
      </section>

      <details className="history" open>
        <summary>History</summary>
        {history === null ? (
          <p className="muted">Loading history…</p>
        ) : (
          <ol className="history-list" data-testid="annotation-history">
            {history.map((entry) => (
              <li key={entry.id}>
                <strong>{entry.actor.name}</strong> {describeEvent(entry)} <span className="muted small">{when(entry.createdAt)}</span>
              </li>
            ))}
          </ol>
        )}
      </details>
    </article>
  );
}
