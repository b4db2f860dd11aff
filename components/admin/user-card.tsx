'use client';

import { RoleOptions } from '@/components/admin/role-options';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { apiFetch } from '@/lib/client/api-client';
import { readableError } from '@/lib/client/readable-error';
import { roleLabel, type Role } from '@/lib/auth/roles';
import { formatDateTime } from '@/lib/format';
import type { IssuedInvitation } from '@/lib/users/issue-invitation';
import type { UserSummary } from '@/lib/users/user-summary';
import { InvitationLink } from '@/components/admin/invitation-link';
import { useConfirm } from '@/components/ui/confirm-dialog';

type Pending = 'save' | 'active' | 'reset' | null;

/** One user in the admin list, with edit, deactivate/reactivate and password reset. */
export function UserCard({ user, isSelf }: { user: UserSummary; isSelf: boolean }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [pending, setPending] = useState<Pending>(null);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [invitation, setInvitation] = useState<IssuedInvitation | null>(null);
  const errorId = `user-error-${user.id}`;
  const [confirm, confirmDialog] = useConfirm();

  async function run(kind: Exclude<Pending, null>, action: () => Promise<void>) {
    setPending(kind);
    setError(null);
    try {
      await action();
      router.refresh();
    } catch (e) {
      setError(readableError(e, { name: 'Name', email: 'E-mail', role: 'Role' }, 'Something went wrong; nothing was changed.'));
    } finally {
      setPending(null);
    }
  }

  async function onSave(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const role = String(data.get('role')) as Role;
    if (
      isSelf &&
      user.role === 'ADMIN' &&
      role !== 'ADMIN' &&
      !(await confirm({
        title: `Change your own role to ${roleLabel[role]}?`,
        description: 'You will lose access to user management and the audit log at once.',
        action: 'Change my role',
        destructive: true,
      }))
    )
      return;
    void run('save', async () => {
      await apiFetch(`/api/users/${user.id}`, { method: 'PATCH', json: { name: String(data.get('name') ?? ''), email: String(data.get('email') ?? ''), role } });
      setEditing(false);
    });
  }

  async function onToggleActive() {
    if (user.active) {
      const warning = isSelf ? 'You will be signed out at once.' : 'They are signed out at once and their API tokens and live connections stop working.';
      if (!(await confirm({ title: `Deactivate ${user.name}?`, description: warning, action: 'Deactivate', destructive: true }))) return;
    }
    void run('active', async () => {
      await apiFetch(`/api/users/${user.id}/active`, { method: 'POST', json: { active: !user.active } });
    });
  }

  async function onReset() {
    if (
      !(await confirm({
        title: `Reset the password of ${user.name}?`,
        description: 'Their current password stops working and you get a link to hand them.',
        action: 'Reset password',
        destructive: true,
      }))
    )
      return;
    void run('reset', async () => {
      const result = await apiFetch<{ invitation: IssuedInvitation }>(`/api/users/${user.id}/password-reset`, { method: 'POST' });
      setInvitation(result.invitation);
    });
  }

  const invalid = (field: string) => (error?.field === field ? { 'aria-invalid': true, 'aria-describedby': errorId } : {});

  return (
    <li className={`card user-card${user.active ? '' : ' inactive'}`} data-testid="user-card" aria-labelledby={`user-name-${user.id}`}>
      <div className="user-card-head">
        <div>
          <h3 id={`user-name-${user.id}`}>
            {user.name}
            {isSelf && <span className="muted small"> (you)</span>}
          </h3>
          <span className="muted">{user.email}</span>
        </div>
        <div className="user-flags">
          <span className="role-pill">{roleLabel[user.role]}</span>
          <span className={`status-pill ${user.active ? 'status-approved' : 'status-changes_requested'}`}>{user.active ? 'Active' : 'Deactivated'}</span>
          {user.mustChangePassword && <span className="status-pill">Password reset pending</span>}
          {!user.hasPassword && !user.mustChangePassword && <span className="status-pill">Invited</span>}
          {user.lockedUntil && <span className="status-pill">Locked until {formatDateTime(user.lockedUntil)}</span>}
        </div>
      </div>
      {user.invitationExpiresAt && !invitation && (
        <p className="small muted">An unused link expires {formatDateTime(user.invitationExpiresAt)}. Reset the password for a new one.</p>
      )}

      {error && (
        <div id={errorId} role="alert" className="form-error">
          {error.message}
        </div>
      )}

      {editing ? (
        <form onSubmit={(event) => void onSave(event)} className="user-edit" noValidate>
          <div className="field">
            <label htmlFor={`name-${user.id}`}>Name</label>
            <input id={`name-${user.id}`} name="name" defaultValue={user.name} required maxLength={200} {...invalid('name')} />
          </div>
          <div className="field">
            <label htmlFor={`email-${user.id}`}>E-mail</label>
            <input id={`email-${user.id}`} name="email" type="email" defaultValue={user.email} required maxLength={320} {...invalid('email')} />
          </div>
          <div className="field">
            <label htmlFor={`role-${user.id}`}>Role</label>
            <select id={`role-${user.id}`} name="role" defaultValue={user.role} {...invalid('role')}>
              <RoleOptions />
            </select>
          </div>
          <div className="form-actions">
            <button className="button primary" type="submit" disabled={pending !== null}>
              {pending === 'save' ? 'Saving…' : 'Save'}
            </button>
            <button
              className="button"
              type="button"
              onClick={() => {
                setEditing(false);
                setError(null);
              }}
              disabled={pending === 'save'}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="card-actions">
          <button className="button small" type="button" onClick={() => setEditing(true)} disabled={pending !== null}>
            Edit<span className="sr-only"> {user.name}</span>
          </button>
          <button className={`button small${user.active ? ' danger' : ''}`} type="button" onClick={() => void onToggleActive()} disabled={pending !== null}>
            {pending === 'active' ? (user.active ? 'Deactivating…' : 'Reactivating…') : user.active ? 'Deactivate' : 'Reactivate'}
            <span className="sr-only"> {user.name}</span>
          </button>
          <button className="button small" type="button" onClick={() => void onReset()} disabled={pending !== null}>
            {pending === 'reset' ? 'Resetting…' : 'Reset password'}
            <span className="sr-only"> of {user.name}</span>
          </button>
        </div>
      )}
      {invitation && <InvitationLink id={`reset-link-${user.id}`} invitation={invitation} recipient={user.name} />}
      {confirmDialog}
    </li>
  );
}
