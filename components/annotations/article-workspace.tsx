'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { summarizeAnnotation, type AnnotationSummary } from '@/lib/annotations/annotation-summary';
import { decodeSummaries, type CompactSummaries } from '@/lib/annotations/compact-summaries';
import type { VerdictDto } from '@/lib/verdicts/list-verdicts';
import type { StatusAction } from '@/lib/annotations/input-schemas';
import { apiFetch, ApiError, newIdempotencyKey, withRetry } from '@/lib/client/api-client';
import { whenIdle } from '@/lib/client/when-idle';
import dynamic from 'next/dynamic';
import type { TextSelection } from '@/components/editor/annotated-article';
import type { HighlightSpec } from '@/components/editor/highlight-decorations';
import { AnnotationCard, type Viewer } from '@/components/annotations/annotation-card';
import { AnnotationForm, type AnnotationDraft, sourcesPayload } from '@/components/annotations/annotation-form';
import { AnnotationList, applyFilters, noFilters, type Filters } from '@/components/annotations/annotation-list';
import { mergeSummaries, upsertSummary } from '@/components/annotations/summary-list';
import { Toasts, useToasts } from '@/components/ui/toasts';
import { announceChecking, useCollaboration } from '@/components/collab/use-collaboration';
import { PresenceBar } from '@/components/collab/presence-bar';
import { ClaimSuggestions } from '@/components/annotations/claim-suggestions';
import { hasContent, isUnsavedCheck, keepUnsavedCheck, keepUnsavedEdit, readUnsavedCheck, relocate, type UnsavedCheck } from '@/components/annotations/unsaved-drafts';
import { keptKey } from '@/lib/client/kept-input';
import { useKeptInput } from '@/lib/client/use-kept-input';
import { EditAnnotation } from '@/components/annotations/edit-annotation';

type Panel =
  | { kind: 'list' }
  | { kind: 'create'; selection: TextSelection; key: string; draft?: AnnotationDraft }
  | { kind: 'card'; id: string }
  | { kind: 'edit'; id: string }
  | { kind: 'choose'; ids: string[] }
  | { kind: 'suggest' };

interface Conflict {
  mine: AnnotationDraft;
  current: AnnotationDto;
}

interface Props {
  articleId: string;
  text: string;
  viewer: Viewer & { canCorrect: boolean };
  /**
   * Every annotation as its highlight and list row need it (a card reads the rest when it opens),
   * as the JSON of their CompactSummaries (verdicts and authors by reference, passages taken from
   * `text`): one string crosses from the server component to this one at a fraction of the cost
   * of thousands of objects, each serialized, parsed for the server-side render and embedded in
   * the page on its own.
   */
  initialAnnotationsJson: string;
  verdicts: VerdictDto[];
  /** An annotation to open at once (a link from search: `?annotation=<id>`). */
  openAnnotationId?: string;
}

const draftColor = '#6b7280';

// The editor (TipTap, ProseMirror, the Yjs binding) is a large bundle and is built in the browser
// only: loaded apart, its scripts are evaluated in a task of their own, not in the page's
// hydration. Rendered on the server too (as its "Loading article…" state: the editor itself is
// created in the browser), so that the page's HTML preloads its scripts and their download
// starts with the page's own rather than when the page has hydrated. The import is written out
// in the loader for the compiler to find the chunks to preload; it is also started as soon as this
// module runs in the browser, so the scripts are evaluated before the page's hydration reaches
// the editor and asks for them.
const AnnotatedArticle = dynamic(() => import('@/components/editor/annotated-article').then((m) => m.AnnotatedArticle), {
  loading: () => (
    <div className="editor-loading" aria-busy="true">
      Loading article…
    </div>
  ),
});

if (typeof window !== 'undefined') void import('@/components/editor/annotated-article');

function toPayload(draft: AnnotationDraft) {
  return {
    verdict: draft.verdict,
    rationale: draft.rationale,
    sources: sourcesPayload(draft.sources),
  };
}

/** Scrolls the article to the highlight of `id`, as soon as it is drawn (highlights are drawn in batches). */
function revealHighlight(id: string, frames = 120) {
  const element = highlightElement(id);
  if (!element) {
    if (frames > 0) requestAnimationFrame(() => revealHighlight(id, frames - 1));
    return;
  }
  // Far away, the paragraphs in between have estimated heights until they are laid out
  // (content-visibility), so a smooth scroll there would end beside the highlight: jump, then
  // centre it again while the paragraphs around it take their real heights.
  const far = Math.abs(element.getBoundingClientRect().top - window.innerHeight / 2) > window.innerHeight * 2;
  element.scrollIntoView({ block: 'center', behavior: far ? 'auto' : 'smooth' });
  if (far) requestAnimationFrame(() => recentreHighlight(id, 5));
}

function highlightElement(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.fc-hl[data-annotation-id="${CSS.escape(id)}"]`);
}

function recentreHighlight(id: string, tries: number) {
  const element = highlightElement(id);
  if (!element) return;
  const { top, bottom } = element.getBoundingClientRect();
  if (top >= 0 && bottom <= window.innerHeight) return;
  element.scrollIntoView({ block: 'center' });
  if (tries > 1) requestAnimationFrame(() => recentreHighlight(id, tries - 1));
}

/** The annotate screen: the article with its highlights, and the side panel. */
export function ArticleWorkspace({ articleId, text, viewer, initialAnnotationsJson, verdicts, openAnnotationId }: Props) {
  const [annotations, setAnnotations] = useState(() => decodeSummaries(JSON.parse(initialAnnotationsJson) as CompactSummaries, text));
  // The open card's annotation in full (rationale, sources...), read when it opens.
  const [detail, setDetail] = useState<AnnotationDto | null>(null);
  const [panel, setPanel] = useState<Panel>({ kind: 'list' });
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [revision, setRevision] = useState(0);
  const { toasts, notify, dismiss } = useToasts();
  // A claim check written and not saved (kept in the browser as it is typed): offered for resuming.
  const [unsaved, setUnsaved] = useState<UnsavedCheck | null>(null);
  useKeptInput(keptKey('check', viewer.id, articleId), isUnsavedCheck, setUnsaved);
  const resumeUnsaved = (check: UnsavedCheck) => {
    const selection = relocate(check.selection, text);
    if (!selection) {
      notify('The passage of your unsaved check is no longer in the text as it was. Select it again; the form opens with what you wrote.', 'error');
      return;
    }
    setUnsaved(null);
    setPanel({ kind: 'create', selection, key: check.key, draft: check.draft });
  };
  const discardUnsaved = () => {
    keepUnsavedCheck(viewer.id, articleId, null);
    setUnsaved(null);
  };
  const panelRef = useRef<HTMLElement>(null);

  const byId = useMemo(() => new Map(annotations.map((a) => [a.id, a])), [annotations]);
  const numbers = useMemo(() => new Map(annotations.map((a, i) => [a.id, i + 1])), [annotations]);
  const activeId = panel.kind === 'card' || panel.kind === 'edit' ? panel.id : null;

  const saved: HighlightSpec[] = useMemo(
    () =>
      applyFilters(annotations, filters)
        .filter((a) => !a.orphaned)
        .map((a) => ({
          id: a.id,
          start: a.target.start,
          end: a.target.end,
          color: a.verdict?.color ?? draftColor,
          label: a.blind ? 'Verdict hidden (blind review)' : (a.verdict?.label ?? 'No verdict yet'),
          number: numbers.get(a.id) ?? 0,
          draft: a.status === 'DRAFT',
          exact: a.target.exact,
        })),
    [annotations, filters, numbers],
  );

  const refresh = useCallback(async () => {
    const { annotations: fresh } = await apiFetch<{ annotations: AnnotationSummary[] }>(`/api/articles/${articleId}/annotations?view=summary`);
    // Unchanged annotations keep their objects: the list and the highlights redraw only what changed.
    setAnnotations((current) => mergeSummaries(current, fresh));
    setRevision((r) => r + 1);
    return fresh;
  }, [articleId]);

  // Others' changes arrive as events relayed by the collaboration server (after their commit);
  // bursts are coalesced into one re-read.
  const pendingRefresh = useRef<ReturnType<typeof setTimeout> | null>(null);
  const router = useRouter();
  const collab = useCollaboration(
    articleId,
    (event) => {
      if (pendingRefresh.current) clearTimeout(pendingRefresh.current);
      pendingRefresh.current = setTimeout(() => refresh().catch(() => {}), 100);
      // The blind review banner is drawn on the server with the page.
      if (event.type === 'article.review_mode') router.refresh();
    },
    (why) => {
      if (why === 'user-deactivated') {
        notify('Your account has been deactivated: nothing more can be saved. Ask an admin if this is a mistake.', 'error');
        return;
      }
      if (why === 'session-ended') {
        notify('Your password was changed in another session, which signed this one out: sign in again to go on.', 'error');
        return;
      }
      if (why === 'password-reset') {
        notify('An admin reset your password: set a new one with the link they gave you to go on.', 'error');
        return;
      }
      // The page's controls follow the role: re-render it on the server with the new one.
      notify('An admin changed your role: this page now shows what your new role allows.', 'error');
      router.refresh();
    },
  );
  // While the claim form is open, its passage stays marked in the text (the selection is gone once
  // the form has the focus), and the others on the article see it marked as being checked, in
  // the checker's colour: two reviewers do not check the same claim at once without knowing.
  const checking = panel.kind === 'create' ? panel.selection : null;
  const checkingKey = panel.kind === 'create' ? panel.key : null;
  useEffect(() => announceChecking(collab.provider, checking && { start: checking.start, end: checking.end, exact: checking.exact }), [collab.provider, checking]);
  // Recomputed (and the highlights redrawn) when what someone is checking changes, not at every
  // move of a caret, which changes the peers too.
  const checkingByPeers = collab.peers
    .filter((p) => !p.isSelf && p.checking)
    .map((p) => `${p.clientId}:${p.name}:${p.color}:${p.checking!.start}:${p.checking!.end}`)
    .join('|');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by what is drawn of the peers, above
  const peersChecking = useMemo(() => collab.peers.filter((p) => !p.isSelf && p.checking), [checkingByPeers]);
  const highlights: HighlightSpec[] = useMemo(() => {
    const pending: HighlightSpec[] = peersChecking.map((peer) => ({
      ...peer.checking!,
      id: `peer-${peer.clientId}`,
      color: peer.color,
      label: `${peer.name} is checking this passage`,
      number: 0,
      draft: true,
      pending: true,
      byPeer: true,
    }));
    if (checking) pending.push({ ...checking, id: `pending-${checkingKey}`, color: draftColor, label: 'The passage you are checking', number: 0, draft: true, pending: true });
    if (pending.length === 0) return saved;
    // In text order among the others.
    return [...saved, ...pending].sort((a, b) => a.start - b.start);
  }, [saved, checking, checkingKey, peersChecking]);
  const [correcting, setCorrecting] = useState(false);
  // One object per live document: the editor binds to it once it has synced.
  const { synced, provider, ydoc, self } = collab;
  const live = useMemo(() => (synced && provider && ydoc && self ? { provider, ydoc, self } : null), [synced, provider, ydoc, self]);

  // A safety net for missed events (a reconnect, an embedded database without NOTIFY): re-read
  // when the window regains focus, and now and then while visible.
  useEffect(() => {
    const tick = () => {
      if (document.visibilityState === 'visible') refresh().catch(() => {});
    };
    const timer = setInterval(tick, collab.state === 'live' ? 30_000 : 5_000);
    window.addEventListener('focus', tick);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', tick);
    };
  }, [refresh, collab.state]);

  // Back online: re-read what was missed. The first time (connected after the page's render read
  // the list) once the page has drawn, not in the middle of drawing thousands of highlights: the
  // events arriving from now on are not missed meanwhile.
  const wasLive = useRef(false);
  useEffect(() => {
    if (collab.state !== 'live') return;
    if (wasLive.current) {
      refresh().catch(() => {});
      return;
    }
    wasLive.current = true;
    return whenIdle(() => refresh().catch(() => {}), 3000);
  }, [collab.state, refresh]);

  /** A full annotation as a write answered it: its row, and the card's detail if it is the open one. */
  const upsert = useCallback((annotation: AnnotationDto) => {
    setAnnotations((list) => upsertSummary(list, summarizeAnnotation(annotation)));
    setDetail(annotation);
  }, []);

  /** Scrolls to the card's highlight and focuses the card, once it is drawn. */
  const revealCard = useCallback((id: string) => {
    revealHighlight(id);
    panelRef.current?.querySelector<HTMLElement>('.annotation-card h2')?.focus();
  }, []);

  const open = useCallback(
    (id: string) => {
      setPanel({ kind: 'card', id });
      requestAnimationFrame(() => revealCard(id));
    },
    [revealCard],
  );

  const current = activeId ? byId.get(activeId) : undefined;
  const currentDetail = current && detail?.id === current.id ? detail : null;

  // The open card's rationale, sources and the rest: read when it opens, and again when it (or
  // anything: a re-read bumps `revision`) changed. Blind review hides them: not asked for.
  // While it is being edited it stays as it was when the form opened: the save carries that
  // version, and someone else's save in between is a conflict to resolve, not silently taken.
  const detailWanted = current && !current.blind && panel.kind !== 'edit' ? `${current.id} ${current.version} ${revision}` : null;
  const detailHeld = useRef<string | null>(null);
  const currentId = current?.id;
  useEffect(() => {
    if (!currentId || !detailWanted || detailHeld.current === detailWanted) return;
    detailHeld.current = detailWanted;
    let cancelled = false;
    let done = false;
    apiFetch<{ annotation: AnnotationDto }>(`/api/annotations/${currentId}`).then(
      ({ annotation }) => {
        done = true;
        if (!cancelled) setDetail(annotation);
      },
      (error) => {
        done = true;
        detailHeld.current = null;
        // Deleted meanwhile: the next re-read takes it off the list and the card says so.
        if (!cancelled && !(error instanceof ApiError && error.status === 404)) notify(error instanceof ApiError ? error.message : 'Could not load this annotation.', 'error');
      },
    );
    return () => {
      cancelled = true;
      // Not answered yet: whoever wants it next asks again.
      if (!done) detailHeld.current = null;
    };
  }, [currentId, detailWanted, notify]);

  // Arriving from a link (search, the dashboard, the corrections log below the article): its card
  // opens in this render, and its highlight scrolls into view once drawn. Each new link does, not
  // only the first: the corrections log links to this same page.
  const [linked, setLinked] = useState<{ id: string | undefined; opened: string | null }>({ id: undefined, opened: null });
  if (openAnnotationId !== linked.id) {
    const opened = openAnnotationId && byId.has(openAnnotationId) ? openAnnotationId : null;
    setLinked({ id: openAnnotationId, opened });
    if (opened) setPanel({ kind: 'card', id: opened });
  }
  useEffect(() => {
    const id = linked.opened;
    if (!id) return;
    const frame = requestAnimationFrame(() => revealCard(id));
    return () => cancelAnimationFrame(frame);
  }, [linked, revealCard]);

  const step = useCallback(
    (direction: 1 | -1) => {
      const visible = applyFilters(annotations.filter((a) => !a.orphaned), filters);
      if (!visible.length) return;
      const index = visible.findIndex((a) => a.id === activeId);
      const next = index < 0 ? (direction === 1 ? 0 : visible.length - 1) : (index + direction + visible.length) % visible.length;
      open(visible[next]!.id);
    },
    [annotations, filters, activeId, open],
  );

  const formOpen = panel.kind === 'create' || panel.kind === 'edit';
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      // The article text takes no typing unless an editor is correcting it: n and p work there too.
      if (event.ctrlKey || event.metaKey || event.altKey || target.closest('input, textarea, select, [contenteditable="true"]:not([aria-readonly="true"])')) return;
      // An open form is not thrown away by a stray n or p.
      if (event.key === 'n' && !formOpen) step(1);
      else if (event.key === 'p' && !formOpen) step(-1);
      else if (event.key === 'Escape') setPanel({ kind: 'list' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step, formOpen]);

  // Keyboard focus never drops to the page when the panel changes under it: a card that opens
  // (after a save) takes it, and the article text gets it back when a form or card closes.
  const previousPanel = useRef(panel.kind);
  useEffect(() => {
    const before = previousPanel.current;
    previousPanel.current = panel.kind;
    if (before === panel.kind && panel.kind === 'list') return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    if (panel.kind === 'card') panelRef.current?.querySelector<HTMLElement>('.annotation-card h2')?.focus();
    else if (panel.kind === 'list') document.querySelector<HTMLElement>('.annotated-article .ProseMirror')?.focus({ preventScroll: true });
  }, [panel]);

  const onHighlightClick = useCallback((ids: string[]) => (ids.length === 1 ? open(ids[0]!) : setPanel({ kind: 'choose', ids })), [open]);
  const onCheckClaim = useCallback((selection: TextSelection) => setPanel({ kind: 'create', selection, key: newIdempotencyKey() }), []);

  async function create(selection: TextSelection, key: string, draft: AnnotationDraft, submit: boolean) {
    const body = { start: selection.start, end: selection.end, exact: selection.exact, ...toPayload(draft), submit };
    // One idempotency key per form: retries after a dropped connection never make a duplicate.
    const { annotation } = await withRetry(
      () => apiFetch<{ annotation: AnnotationDto }>(`/api/articles/${articleId}/annotations`, { method: 'POST', json: body, headers: { 'idempotency-key': key } }),
      5,
      () => notify('Connection lost; retrying the save…', 'error'),
    );
    upsert(annotation);
    keepUnsavedCheck(viewer.id, articleId, null);
    setPanel({ kind: 'card', id: annotation.id });
    notify(submit ? 'Annotation submitted.' : 'Draft saved.');
  }

  async function update(current: AnnotationDto, draft: AnnotationDraft, baseVersion = current.version) {
    try {
      const { annotation } = await apiFetch<{ annotation: AnnotationDto }>(`/api/annotations/${current.id}`, {
        method: 'PATCH',
        json: { version: baseVersion, ...toPayload(draft), ...(draft.correctionNote ? { correctionNote: draft.correctionNote } : {}) },
      });
      keepUnsavedEdit(viewer.id, current.id, null);
      upsert(annotation);
      setPanel({ kind: 'card', id: annotation.id });
      notify(draft.correctionNote ? "Correction saved and added to the article's corrections log." : 'Changes saved.');
      // The corrections log is drawn on the server with the page.
      if (draft.correctionNote) router.refresh();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.body?.current) {
        setConflict({ mine: draft, current: error.body.current as AnnotationDto });
        return;
      }
      throw error;
    }
  }

  async function changeStatus(annotation: AnnotationDto, action: StatusAction) {
    try {
      const { annotation: updated } = await apiFetch<{ annotation: AnnotationDto }>(`/api/annotations/${annotation.id}/status`, {
        method: 'POST',
        json: { version: annotation.version, action },
      });
      upsert(updated);
      notify({ submit: 'Submitted for review.', approve: 'Approved.', request_changes: 'Sent back for changes.', reopen: 'Reopened.' }[action]);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.body?.current) {
        upsert(error.body.current as AnnotationDto);
        throw new ApiError(409, `${error.message}. The card now shows the current state; try again if it still applies.`);
      }
      throw error;
    }
  }

  async function remove(annotation: AnnotationDto) {
    await apiFetch(`/api/annotations/${annotation.id}`, { method: 'DELETE', json: { version: annotation.version } });
    setAnnotations((list) => list.filter((a) => a.id !== annotation.id));
    setPanel({ kind: 'list' });
    notify('Annotation deleted.');
  }

  return (
    <div className="workspace">
      <div className="card article-body">
        <PresenceBar
          peers={collab.peers}
          state={collab.state}
          correcting={correcting}
          canCorrect={viewer.canCorrect && live !== null}
          onToggleCorrecting={() => setCorrecting((c) => !c)}
        />
        <AnnotatedArticle
          text={text}
          live={live}
          correcting={correcting && live !== null}
          highlights={highlights}
          activeId={activeId}
          onHighlightClick={onHighlightClick}
          onCheckClaim={onCheckClaim}
        />
      </div>
      <aside className="card side-panel" ref={panelRef} aria-label="Annotation panel">
        {conflict && (
          <div className="conflict" role="alertdialog" aria-labelledby="conflict-title">
            <h2 id="conflict-title">Someone else changed this annotation</h2>
            <p>
              While you were editing, it was saved again (now version {conflict.current.version}
              {conflict.current.statusChangedBy ? `, last status change by ${conflict.current.statusChangedBy.name}` : ''}). Nothing was overwritten.
            </p>
            <div className="form-actions">
              {/* An alertdialog takes the focus: the keyboard user is told and can answer at once. */}
              <button
                type="button"
                className="button"
                autoFocus
                onClick={() => {
                  // Their version instead of mine: my kept changes go too.
                  keepUnsavedEdit(viewer.id, conflict.current.id, null);
                  upsert(conflict.current);
                  setConflict(null);
                  setPanel({ kind: 'card', id: conflict.current.id });
                }}
              >
                Load their version
              </button>
              <button
                type="button"
                className="button primary"
                onClick={async () => {
                  const { mine, current: theirs } = conflict;
                  setConflict(null);
                  try {
                    await update(theirs, mine);
                  } catch (error) {
                    notify(error instanceof ApiError ? error.message : 'Saving failed.', 'error');
                  }
                }}
              >
                Re-apply my changes
              </button>
            </div>
          </div>
        )}
        {panel.kind === 'create' && (
          <AnnotationForm
            key={panel.key}
            mode="create"
            quote={panel.selection.exact}
            verdicts={verdicts}
            initial={panel.draft}
            othersChecking={[...new Set(peersChecking.filter((p) => p.checking!.start < panel.selection.end && panel.selection.start < p.checking!.end).map((p) => p.name))]}
            onSave={(draft, submit) => create(panel.selection, panel.key, draft, submit)}
            onChange={(draft) => {
              // A new, still empty form leaves another kept check alone; once written in, it is the kept one.
              if (hasContent(draft) || readUnsavedCheck(viewer.id, articleId)?.key === panel.key) {
                keepUnsavedCheck(viewer.id, articleId, { selection: panel.selection, key: panel.key, draft });
              }
            }}
            onCancel={() => {
              // Closing the form keeps what was written, to resume from the list (or discard there).
              const kept = readUnsavedCheck(viewer.id, articleId);
              setUnsaved(kept);
              setPanel({ kind: 'list' });
              if (kept) notify('Your unsaved check is kept: resume or discard it at the top of the list.');
            }}
          />
        )}
        {panel.kind === 'edit' && currentDetail && (
          <EditAnnotation
            key={`${currentDetail.id}-edit`}
            annotation={currentDetail}
            userId={viewer.id}
            verdicts={verdicts}
            onSave={(draft, baseVersion) => update(currentDetail, draft, baseVersion)}
            onCancel={() => setPanel({ kind: 'card', id: currentDetail.id })}
          />
        )}
        {panel.kind === 'edit' && current && !currentDetail && <p className="muted">Loading…</p>}
        {panel.kind === 'card' && current && (
          <nav className="stepper card-nav" aria-label="Annotation navigation">
            <button type="button" className="button small" onClick={() => setPanel({ kind: 'list' })}>
              ← All annotations
            </button>
            <button type="button" className="button small" onClick={() => step(-1)} aria-keyshortcuts="p">
              ↑ Previous <kbd>p</kbd>
            </button>
            <button type="button" className="button small" onClick={() => step(1)} aria-keyshortcuts="n">
              ↓ Next <kbd>n</kbd>
            </button>
          </nav>
        )}
        {panel.kind === 'card' && current && (
          <AnnotationCard
            annotation={current}
            detail={currentDetail}
            viewer={viewer}
            number={numbers.get(current.id) ?? 0}
            revision={revision}
            onEdit={() => setPanel({ kind: 'edit', id: current.id })}
            onStatus={(action) => (currentDetail ? changeStatus(currentDetail, action) : Promise.resolve())}
            onDelete={() => (currentDetail ? remove(currentDetail) : Promise.resolve())}
            onClose={() => setPanel({ kind: 'list' })}
            notify={notify}
          />
        )}
        {(panel.kind === 'card' || panel.kind === 'edit') && !current && (
          <p className="empty-state">
            This annotation was deleted.{' '}
            <button type="button" className="button small" onClick={() => setPanel({ kind: 'list' })}>
              Back to the list
            </button>
          </p>
        )}
        {panel.kind === 'choose' && (
          <section aria-label="Annotations here">
            <h2>{panel.ids.length} annotations overlap here</h2>
            <ul className="annotation-items">
              {panel.ids.map((id) => {
                const a = byId.get(id);
                return a ? (
                  <li key={id}>
                    <button type="button" className="annotation-item" onClick={() => open(id)}>
                      <span className="number">{numbers.get(id)}</span>
                      <span className="item-body">
                        {a.blind ? 'Verdict hidden' : (a.verdict?.label ?? 'No verdict')} · {a.author.name}
                        <span className="item-quote">“{a.target.exact}”</span>
                      </span>
                    </button>
                  </li>
                ) : null;
              })}
            </ul>
          </section>
        )}
        {panel.kind === 'suggest' && (
          <ClaimSuggestions
            articleId={articleId}
            text={text}
            onCheck={(selection) => setPanel({ kind: 'create', selection, key: newIdempotencyKey() })}
            onClose={() => setPanel({ kind: 'list' })}
          />
        )}
        {panel.kind === 'list' && unsaved && hasContent(unsaved.draft) && (
          <div className="notice unsaved-check" role="status" data-testid="unsaved-check">
            <p>
              You have an unsaved check of “{unsaved.selection.exact.length > 60 ? `${unsaved.selection.exact.slice(0, 60)}…` : unsaved.selection.exact}”.
            </p>
            <div className="form-actions">
              <button type="button" className="button small primary" onClick={() => resumeUnsaved(unsaved)}>
                Resume
              </button>
              <button type="button" className="button small" onClick={discardUnsaved}>
                Discard
              </button>
            </div>
          </div>
        )}
        {panel.kind === 'list' && peersChecking.length > 0 && (
          <section className="being-checked" aria-labelledby="being-checked-heading" data-testid="being-checked">
            <h3 id="being-checked-heading">Being checked now</h3>
            <ul>
              {peersChecking.map((peer) => (
                <li key={peer.clientId}>
                  {peer.name}:{' '}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => document.querySelector(`[data-pending-id="peer-${peer.clientId}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' })}
                  >
                    “{peer.checking!.exact.length > 60 ? `${peer.checking!.exact.slice(0, 60)}…` : peer.checking!.exact}”
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
        {panel.kind === 'list' && (
          <div className="panel-tools">
            <button type="button" className="button small" onClick={() => setPanel({ kind: 'suggest' })}>
              Suggest claims
            </button>
          </div>
        )}
        {panel.kind === 'list' && (
          <AnnotationList
            annotations={annotations}
            numbers={numbers}
            verdicts={verdicts}
            filters={filters}
            onFilters={setFilters}
            activeId={activeId}
            onOpen={open}
            onStep={step}
          />
        )}
      </aside>
      <Toasts toasts={toasts} onDismiss={dismiss} />
    </div>
  );
}
