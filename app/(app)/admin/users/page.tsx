import { RoleOptions } from '@/components/admin/role-options';
import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePage } from '@/lib/auth/require-page';
import { listUsers } from '@/lib/users/list-users';
import { listUsersQuery } from '@/lib/users/input-schemas';
import { compactSearchParams } from '@/lib/api/search-params';
import { CreateUserForm } from '@/components/admin/create-user-form';
import { UserCard } from '@/components/admin/user-card';

export const metadata: Metadata = { title: 'Users' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePage('/admin/users');
  const raw = compactSearchParams(await searchParams, ['q', 'role', 'active', 'page']);
  const parsed = listUsersQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : listUsersQuery.parse({});
  const list = await listUsers(user, query);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const filtered = Boolean(raw.q || raw.role || raw.active);
  const pageHref = (page: number) => `/admin/users?${new URLSearchParams({ ...raw, page: String(page) })}`;

  return (
    <>
      <h1>Users</h1>
      <div className="admin-layout">
        <div>
          <form className="filter-bar" method="get" action="/admin/users" role="search" aria-label="Search users">
            <div className="field">
              <label htmlFor="user-search">Name or e-mail</label>
              <input id="user-search" name="q" type="search" defaultValue={raw.q ?? ''} maxLength={200} />
            </div>
            <div className="field">
              <label htmlFor="user-role">Role</label>
              <select id="user-role" name="role" defaultValue={raw.role ?? ''}>
                <option value="">Any role</option>
                <RoleOptions />
              </select>
            </div>
            <div className="field">
              <label htmlFor="user-active">Status</label>
              <select id="user-active" name="active" defaultValue={raw.active ?? ''}>
                <option value="">Active and deactivated</option>
                <option value="true">Active</option>
                <option value="false">Deactivated</option>
              </select>
            </div>
            <div className="form-actions">
              <button className="button primary" type="submit">
                Search
              </button>
              {filtered && (
                <Link className="button" href="/admin/users">
                  Clear
                </Link>
              )}
            </div>
          </form>
          {!parsed.success && (
            <div role="alert" className="form-error">
              Some filters were not understood and were ignored.
            </div>
          )}
          <p className="muted small" role="status">
            {list.total} user{list.total === 1 ? '' : 's'}
            {filtered ? ' match' : ''}
            {pages > 1 ? ` · page ${list.page} of ${pages}` : ''}
          </p>
          {list.users.length === 0 ? (
            <div className="card empty-state">{filtered ? 'No user matches these filters. Clear them to see every user.' : 'No users yet: add the first one with the form beside this list.'}</div>
          ) : (
            <ul className="user-list">
              {list.users.map((listed) => (
                <UserCard key={listed.id} user={listed} isSelf={listed.id === user.id} />
              ))}
            </ul>
          )}
          {pages > 1 && (
            <nav className="pagination" aria-label="Pages of users">
              {list.page > 1 ? <Link href={pageHref(list.page - 1)}>← Previous</Link> : <span />}
              {list.page < pages && <Link href={pageHref(list.page + 1)}>Next →</Link>}
            </nav>
          )}
        </div>
        <CreateUserForm />
      </div>
    </>
  );
}
