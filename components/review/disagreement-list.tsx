import type { DisagreementGroup } from '@/lib/articles/find-disagreements';
import { RationaleText } from '@/components/annotations/rationale-text';
import { StatusPill, VerdictBadge } from '@/components/annotations/verdict-badge';
import { AnnotationSources } from '@/components/annotations/annotation-sources';

/** Each passage that reviewers rated differently, with their annotations side by side. */
export function DisagreementList({ groups }: { groups: DisagreementGroup[] }) {
  return (
    <section className="card review-panel" aria-labelledby="review-disagreements-heading">
      <h2 id="review-disagreements-heading">
        Disagreements <span className="count">{groups.length}</span>
      </h2>
      {groups.length === 0 ? (
        <p className="muted">No overlapping passages with different verdicts from different reviewers.</p>
      ) : (
        <ol className="review-disagreements">
          {groups.map((group) => (
            <li key={`${group.start}-${group.end}`} className="review-disagreement" data-testid="review-disagreement">
              <blockquote className="quote">{group.passage}</blockquote>
              <div className="review-side-by-side">
                {group.annotations.map((a) => (
                  <article key={a.id} className="review-side" aria-label={`${a.author.name}: ${a.verdict?.label ?? 'no verdict'}`}>
                    <header>
                      <strong>{a.author.name}</strong>
                      <span>
                        <VerdictBadge verdict={a.verdict} /> <StatusPill status={a.status} />
                      </span>
                    </header>
                    {a.target.exact !== group.passage && <p className="item-quote">“{a.target.exact}”</p>}
                    <RationaleText text={a.rationale} />
                    <AnnotationSources sources={a.sources} />
                  </article>
                ))}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
