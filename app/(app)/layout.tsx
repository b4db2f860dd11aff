import Link from 'next/link';
import { requireUser } from '@/lib/auth/current-user';
import { roleLabel } from '@/lib/auth/roles';
import { can } from '@/lib/auth/permissions';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { NotificationBell } from '@/components/notifications/notification-bell';
import { unreadCount } from '@/lib/notifications/list-notifications';

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const unread = await unreadCount(user);
  return (
    <>
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <header className="app-header">
        <Link className="brand" href="/articles">
          Factcheck desk
        </Link>
        <nav aria-label="Main">
          <Link href="/articles">Articles</Link>
          <Link href="/search">Search</Link>
          <Link href="/api-docs">API</Link>
          {can(user.role, 'user:manage') && <Link href="/admin/users">Users</Link>}
          {can(user.role, 'audit:read') && <Link href="/admin/audit">Audit log</Link>}
          {can(user.role, 'verdict:manage') && <Link href="/admin/verdicts">Verdicts</Link>}
          <Link href="/account">Account</Link>
        </nav>
        <NotificationBell initialUnread={unread} />
        <div className="user-badge" data-testid="current-user">
          <span>{user.name}</span>
          <span className="role-pill">{roleLabel[user.role]}</span>
          <SignOutButton />
        </div>
      </header>
      <main id="content" className="page">
        {children}
      </main>
    </>
  );
}
