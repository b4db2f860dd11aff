import type { ArticleListItem } from '@/lib/articles/list-articles';

const statusOrder = [
  ['APPROVED', 'approved'],
  ['SUBMITTED', 'submitted'],
  ['CHANGES_REQUESTED', 'changes requested'],
  ['DRAFT', 'draft'],
] as const;

/** Review progress (annotations by status) and the verdict mix of one article. */
export function ArticleProgress({ progress, verdictMix }: Pick<ArticleListItem, 'progress' | 'verdictMix'>) {
  const total = Object.values(progress).reduce((a, b) => a + b, 0);
  if (total === 0) return <span className="progress-empty muted small">Not started</span>;
  return (
    <span className="article-progress">
      <span className="progress-bar" role="img" aria-label={statusOrder.map(([key, label]) => `${progress[key]} ${label}`).join(', ')}>
        {statusOrder.map(([key]) => (progress[key] ? <span key={key} className={`seg seg-${key.toLowerCase()}`} style={{ flexGrow: progress[key] }} /> : null))}
      </span>
      <span className="small muted">
        {progress.APPROVED} of {total} approved
      </span>
      {/* The bar's other colours, named: a full bar of submitted checks is not a finished article. */}
      <span className="progress-legend small muted" aria-hidden="true">
        {statusOrder.map(([key, label]) =>
          key !== 'APPROVED' && progress[key] ? (
            <span key={key} className="mix-item">
              <span className={`swatch seg-${key.toLowerCase()}`} /> {progress[key]} {label}
            </span>
          ) : null,
        )}
      </span>
      {verdictMix.length > 0 && (
        <span className="verdict-mix small">
          {verdictMix.map((v) => (
            <span key={v.label} className="mix-item">
              <span className="swatch" style={{ background: v.color }} aria-hidden="true" /> {v.label} {v.count}
            </span>
          ))}
        </span>
      )}
    </span>
  );
}
