'use client';

import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { VerdictDto } from '@/lib/verdicts/list-verdicts';
import { StatusPill, VerdictBadge, statusLabel } from '@/components/annotations/verdict-badge';

export interface Filters {
  verdict: string;
  reviewer: string;
  status: string;
}

export const noFilters: Filters = { verdict: '', reviewer: '', status: '' };

export function applyFilters(annotations: AnnotationDto[], filters: Filters): AnnotationDto[] {
  return annotations.filter(
    (a) =>
      (!filters.verdict || (a.verdict?.key ?? 'none') === filters.verdict) &&
      (!filters.reviewer || a.author.id === filters.reviewer) &&
      (!filters.status || a.status === filters.status),
  );
}

interface Props {
  annotations: AnnotationDto[];
  numbers: Map<string, number>;
  verdicts: VerdictDto[];
  filters: Filters;
  onFilters: (filters: Filters) => void;
  activeId: string | null;
  onOpen: (id: string) => void;
  onStep: (direction: 1 | -1) => void;
}

/** All annotations in text order, with counts, filters and next/previous navigation. */
export function AnnotationList({ annotations, numbers, verdicts, filters, onFilters, activeId, onOpen, onStep }: Props) {
  const placed = annotations.filter((a) => !a.orphaned);
  const orphaned = annotations.filter((a) => a.orphaned);
  const visible = applyFilters(placed, filters);
  const reviewers = [...new Map(annotations.map((a) => [a.author.id, a.author.name])).entries()];
  const byStatus = Object.entries(statusLabel).map(([status, label]) => [label, annotations.filter((a) => a.status === status).length] as const);

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
      <ol className="annotation-items">
        {visible.map((a) => (
          <li key={a.id}>
            <button type="button" className={`annotation-item${a.id === activeId ? ' active' : ''}`} onClick={() => onOpen(a.id)} aria-current={a.id === activeId}>
              <span className="number">{numbers.get(a.id)}</span>
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
