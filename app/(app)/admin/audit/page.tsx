import type { Metadata } from 'next';
import Link from 'next/link';
import { ZodError } from 'zod';
import { requirePage } from '@/lib/auth/require-page';
import { AppError } from '@/lib/errors';
import { listAuditEvents, type AuditPage } from '@/lib/audit/list-audit-events';
import { listAuditActions } from '@/lib/audit/list-audit-actions';
import { compactSearchParams } from '@/lib/api/search-params';
import { formatDateTime } from '@/lib/format';

export const metadata: Metadata = { title: 'Audit log' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const filterKeys = ['actor', 'action', 'from', 'to'] as const;
const filterLabels: Record<string, string> = { actor: 'Actor', action: 'Action', from: '“From”', to: '“To”', cursor: 'The page link' };

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePage('/admin/audit');
  const raw = compactSearchParams(await searchParams, [...filterKeys, 'cursor']);
  const filters = compactSearchParams(raw, filterKeys);
  const [actions, result] = await Promise.all([listAuditActions(user), load(user, raw)]);
  const filtered = Object.keys(filters).length > 0;

  return (
    <>
      <h1>Audit log</h1>
      <form className="filter-bar" method="get" action="/admin/audit" aria-label="Filter the audit log">
        <div className="field">
          <label htmlFor="audit-actor">Actor (name, e-mail or id)</label>
          <input id="audit-actor" name="actor" type="search" defaultValue={filters.actor ?? ''} maxLength={320} />
        </div>
        <div className="field">
          <label htmlFor="audit-action">Action</label>
          <select id="audit-action" name="action" defaultValue={filters.action ?? ''}>
            <option value="">Any action</option>
            {actions.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">From (UTC)</label>
          <input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">To (UTC, inclusive)</label>
          <input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ''} />
        </div>
        <div className="form-actions">
          <button className="button primary" type="submit">
            Apply
          </button>
          {filtered && (
            <Link className="button" href="/admin/audit">
              Clear
            </Link>
          )}
        </div>
      </form>

      {'error' in result ? (
        <div role="alert" className="form-error">
          {result.error}
        </div>
      ) : result.events.length === 0 ? (
        <div className="card empty-state">
          {filtered ? 'No entries match these filters. Widen the dates or clear the filters to see every entry.' : 'The audit log is empty: sign-ins and changes to accounts are recorded here as they happen.'}
        </div>
      ) : (
        <>
          <table className="api-table audit-table">
            <caption className="sr-only">Audit log entries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Actor</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">IP</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {result.events.map((event) => (
                <tr key={event.id}>
                  <td>
                    <time dateTime={event.createdAt}>{formatDateTime(event.createdAt)}</time>
                  </td>
                  <td>{event.actor ? <Person {...event.actor} /> : <span className="muted">—</span>}</td>
                  <td>
                    <code>{event.action}</code>
                  </td>
                  <td className="audit-target">
                    {event.target ? (
                      <Person {...event.target} />
                    ) : event.targetType ? (
                      <span className="muted">
                        {event.targetType} {event.targetId}
                      </span>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td>{event.ip ?? <span className="muted">—</span>}</td>
                  <td className="audit-data">{event.data ? <code>{JSON.stringify(event.data)}</code> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav className="pagination" aria-label="Pages of the audit log">
            {raw.cursor ? <Link href={`/admin/audit?${new URLSearchParams(filters)}`}>← Newest</Link> : <span />}
            {result.nextCursor && <Link href={`/admin/audit?${new URLSearchParams({ ...filters, cursor: result.nextCursor })}`}>Older →</Link>}
          </nav>
        </>
      )}
    </>
  );
}

/** A name with its e-mail beneath (in words rather than a hover-only title, for keyboard and touch). */
function Person({ name, email }: { name: string; email: string }) {
  return (
    <>
      {name}
      <br />
      <span className="muted small">{email}</span>
    </>
  );
}

async function load(user: Awaited<ReturnType<typeof requirePage>>, query: Record<string, string>): Promise<AuditPage | { error: string }> {
  try {
    return await listAuditEvents(user, query);
  } catch (error) {
    if (error instanceof ZodError) {
      const issue = error.issues[0];
      const field = String(issue?.path[0] ?? '');
      return { error: `${filterLabels[field] ?? 'A filter'} ${issue?.message ?? 'is not valid'}.` };
    }
    if (error instanceof AppError && error.status < 500) {
      const field = error.details.field;
      return { error: field ? `${filterLabels[field] ?? field} ${error.userMessage.replace(`${field}: `, '')}.` : error.userMessage };
    }
    throw error;
  }
}
