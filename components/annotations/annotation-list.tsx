'use client';

import { memo, startTransition, useEffect, useMemo, useState } from 'react';
import type { AnnotationSummary } from '@/lib/annotations/annotation-summary';
import type { VerdictDto } from '@/lib/verdicts/list-verdicts';
import { StatusPill, VerdictBadge, statusLabel } from '@/components/annotations/verdict-badge';
import { whenIdle } from '@/lib/client/when-idle';

export interface Filters {
  verdict: string;
  reviewer: string;
  status: string;
}

export const noFilters: Filters = { verdict: '', reviewer: '', status: '' };

export function applyFilters<T extends AnnotationSummary>(annotations: T[], filters: Filters): T[] {
  if (!filters.verdict && !filters.reviewer && !filters.status) return annotations;
  return annotations.filter(
    (a) =>
      (!filters.verdict || (a.verdict?.key ?? 'none') === filters.verdict) &&
      (!filters.reviewer || a.author.id === filters.reviewer) &&
      (!filters.status || a.status === filters.status),
  );
}

// Rows drawn at first (and on the server), then more whenever the browser is idle until all are:
// a list of thousands is never built in one long task, the top of it shows at once, and the
// article's highlights (drawn in tasks of their own) go first.
const FIRST_ROWS = 40;
const MORE_ROWS = 150;

/** How many of `total` rows to draw now: grows to all of them, from FIRST_ROWS again whenever `from` changes. */
function useGrowingCount(total: number, from: unknown): number {
  const [shown, setShown] = useState({ from, count: FIRST_ROWS });
  let count = shown.count;
  if (shown.from !== from) {
    count = FIRST_ROWS;
    setShown({ from, count });
  }
  useEffect(() => {
    if (count >= total) return;
    return whenIdle(() => startTransition(() => setShown((s) => (s.from === from ? { from, count: s.count + MORE_ROWS } : s))));
  }, [count, total, from]);
  return Math.min(count, total);
}

interface Props {
  annotations: AnnotationSummary[];
  numbers: Map<string, number>;
  verdicts: VerdictDto[];
  filters: Filters;
  onFilters: (filters: Filters) => void;
  activeId: string | null;
  onOpen: (id: string) => void;
  onStep: (direction: 1 | -1) => void;
}

const AnnotationRow = memo(function AnnotationRow({ annotation: a, number, active, onOpen }: { annotation: AnnotationSummary; number: number | undefined; active: boolean; onOpen: (id: string) => void }) {
  return (
    <li>
      <button type="button" className={`annotation-item${active ? ' active' : ''}`} onClick={() => onOpen(a.id)} aria-current={active}>
        <span className="number">{number}</span>
        <span className="item-body">
          <span className="item-head">
            <VerdictBadge verdict={a.verdict} blind={a.blind} /> <StatusPill status={a.status} />
            {a.commentCount > 0 && <span className="muted small"> · {a.commentCount} comment{a.commentCount === 1 ? '' : 's'}</span>}
          </span>
          <span className="item-quote">“{a.target.exact.length > 120 ? `${a.target.exact.slice(0, 120)}…` : a.target.exact}”</span>
          <span className="muted small">{a.author.name}</span>
        </span>
      </button>
    </li>
  );
});

/** All annotations in text order, with counts, filters and next/previous navigation. */
export function AnnotationList({ annotations, numbers, verdicts, filters, onFilters, activeId, onOpen, onStep }: Props) {
  const { placed, orphaned, reviewers, byStatus } = useMemo(
    () => ({
      placed: annotations.filter((a) => !a.orphaned),
      orphaned: annotations.filter((a) => a.orphaned),
      reviewers: [...new Map(annotations.map((a) => [a.author.id, a.author.name])).entries()],
      byStatus: Object.entries(statusLabel).map(([status, label]) => [label, annotations.filter((a) => a.status === status).length] as const),
    }),
    [annotations],
  );
  const visible = useMemo(() => applyFilters(placed, filters), [placed, filters]);
  const shown = useGrowingCount(visible.length, filters);

  return (
    <section className="annotation-list" aria-label="Annotations">
      <h2>
        Annotations <span className="count">{annotations.length}</span>
      </h2>
      <p className="muted small" data-testid="annotation-counts">
        {byStatus
          .filter(([, n]) => n > 0)
          .map(([label, n]) => `${n} ${label.toLowerCase()}`)
          .join(' · ') || 'None yet'}
      </p>
      <div className="filters" role="group" aria-label="Filters">
        <label>
          Verdict
          <select value={filters.verdict} onChange={(e) => onFilters({ ...filters, verdict: e.target.value })}>
            <option value="">All</option>
            {verdicts.map((v) => (
              <option key={v.key} value={v.key}>
                {v.label}
              </option>
            ))}
            <option value="none">No verdict</option>
          </select>
        </label>
        <label>
          Reviewer
          <select value={filters.reviewer} onChange={(e) => onFilters({ ...filters, reviewer: e.target.value })}>
            <option value="">All</option>
            {reviewers.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select value={filters.status} onChange={(e) => onFilters({ ...filters, status: e.target.value })}>
            <option value="">All</option>
            {Object.entries(statusLabel).map(([status, label]) => (
              <option key={status} value={status}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="stepper">
        <button type="button" className="button small" onClick={() => onStep(-1)} disabled={!visible.length} aria-keyshortcuts="p">
          ↑ Previous <kbd>p</kbd>
        </button>
        <button type="button" className="button small" onClick={() => onStep(1)} disabled={!visible.length} aria-keyshortcuts="n">
          ↓ Next <kbd>n</kbd>
        </button>
      </div>
      {annotations.length === 0 ? (
        <p className="empty-state">No annotations yet. Select a passage in the article and choose “Check claim”.</p>
      ) : visible.length === 0 && placed.length > 0 ? (
        <p className="empty-state">
          No annotation matches these filters.{' '}
          <button type="button" className="button small" onClick={() => onFilters(noFilters)}>
            Clear filters
          </button>
        </p>
      ) : null}
      <ol className="annotation-items" aria-busy={shown < visible.length}>
        {visible.slice(0, shown).map((a) => (
          <AnnotationRow key={a.id} annotation={a} number={numbers.get(a.id)} active={a.id === activeId} onOpen={onOpen} />
        ))}
      </ol>
      {orphaned.length > 0 && (
        <section aria-label="Orphaned annotations" className="orphans">
          <h3>Orphaned ({orphaned.length})</h3>
          <p className="muted small">Their passages are no longer in the text. They are kept, with their last known quote.</p>
          <ol className="annotation-items">
            {orphaned.map((a) => (
              <li key={a.id}>
                <button type="button" className="annotation-item orphan" onClick={() => onOpen(a.id)}>
                  <span className="number">{numbers.get(a.id)}</span>
                  <span className="item-body">
                    <VerdictBadge verdict={a.verdict} blind={a.blind} /> <span className="item-quote">“{a.target.exact}”</span>
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </section>
      )}
    </section>
  );
}
