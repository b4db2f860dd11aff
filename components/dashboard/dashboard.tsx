import Link from 'next/link';
import type { ArticleListItem } from '@/lib/articles/list-articles';
import type { ActivityItem } from '@/lib/dashboard/recent-activity';
import { ArticleProgress } from '@/components/articles/article-progress';
import { VerdictMixChart, type VerdictCount } from '@/components/dashboard/verdict-mix-chart';

const did: Record<string, string> = {
  commented: 'commented on',
  approved: 'approved',
  changes_requested: 'asked for changes to',
  reopened: 'reopened',
  updated: 'edited',
  corrected: 'corrected the verdict of',
  thread_resolved: 'resolved the thread on',
  deleted: 'deleted',
};

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** The top of the articles page: my assigned articles, what happened to my annotations, the verdict mix. */
export function Dashboard({ articles, activity }: { articles: ArticleListItem[]; activity: ActivityItem[] }) {
  const assigned = articles.filter((a) => a.assigned);
  const mix = new Map<string, VerdictCount>();
  for (const article of articles) {
    for (const v of article.verdictMix) {
      const entry = mix.get(v.label) ?? { label: v.label, color: v.color, position: v.position, count: 0 };
      entry.count += v.count;
      mix.set(v.label, entry);
    }
  }
  // In the order of the verdict scale.
  const verdicts = [...mix.values()].sort((a, b) => a.position - b.position);
  return (
    <section className="dashboard" aria-label="Your desk" data-testid="dashboard">
      <div className="card dashboard-panel">
        <h2>Assigned to you</h2>
        {assigned.length === 0 ? (
          <p className="muted">Nothing assigned to you. An editor assigns reviewers on an article’s review page; meanwhile any article below is open to you.</p>
        ) : (
          <ul className="dashboard-list">
            {assigned.map((article) => (
              <li key={article.id}>
                <Link href={`/articles/${article.id}`}>{article.title}</Link>
                <ArticleProgress progress={article.progress} verdictMix={[]} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="card dashboard-panel">
        <h2>On your annotations</h2>
        {activity.length === 0 ? (
          <p className="muted">No one has commented on or reviewed your annotations yet.</p>
        ) : (
          <ul className="dashboard-list activity">
            {activity.map((item) => (
              <li key={item.id}>
                <strong>{item.actor}</strong> {did[item.kind] ?? item.kind.replace(/_/g, ' ')}{' '}
                <Link href={`/articles/${item.article.id}?annotation=${item.annotationId}`}>“{item.quote.length > 60 ? `${item.quote.slice(0, 60)}…` : item.quote}”</Link>
                <span className="muted small"> · {when(item.at)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="card dashboard-panel">
        <h2>Verdict mix</h2>
        {verdicts.length === 0 ? <p className="muted">No verdicts yet: they appear here as reviewers check claims.</p> : <VerdictMixChart data={verdicts} />}
      </div>
    </section>
  );
}
