'use client';

import { RoleOptions } from '@/components/admin/role-options';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { apiFetch } from '@/lib/client/api-client';
import { readableError } from '@/lib/client/readable-error';
import { roleLabel } from '@/lib/auth/roles';
import type { IssuedInvitation } from '@/lib/users/issue-invitation';
import type { UserSummary } from '@/lib/users/user-summary';
import { InvitationLink } from '@/components/admin/invitation-link';

interface Failure {
  message: string;
  field?: string;
}

export function CreateUserForm() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<Failure | null>(null);
  const [created, setCreated] = useState<{ user: UserSummary; invitation: IssuedInvitation } | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setPending(true);
    setError(null);
    setCreated(null);
    try {
      const result = await apiFetch<{ user: UserSummary; invitation: IssuedInvitation }>('/api/users', {
        method: 'POST',
        json: { name: String(data.get('name') ?? ''), email: String(data.get('email') ?? ''), role: String(data.get('role') ?? 'REVIEWER') },
      });
      setCreated(result);
      form.reset();
      router.refresh();
    } catch (e) {
      setError(readableError(e, { name: 'Name', email: 'E-mail', role: 'Role' }, 'Something went wrong; nothing was saved.'));
    } finally {
      setPending(false);
    }
  }

  const invalid = (field: string) => (error?.field === field ? { 'aria-invalid': true, 'aria-describedby': 'create-user-error' } : {});

  return (
    <section className="card panel" aria-labelledby="create-user-heading">
      <h2 id="create-user-heading">Add a user</h2>
      <p className="small muted">They get no password: you hand them a one-time link through which they choose one.</p>
      <form onSubmit={onSubmit} noValidate>
        {error && (
          <div id="create-user-error" role="alert" className="form-error">
            {error.message}
          </div>
        )}
        <div className="field">
          <label htmlFor="new-user-name">Name</label>
          <input id="new-user-name" name="name" required maxLength={200} autoComplete="off" {...invalid('name')} />
        </div>
        <div className="field">
          <label htmlFor="new-user-email">E-mail</label>
          <input id="new-user-email" name="email" type="email" required maxLength={320} autoComplete="off" {...invalid('email')} />
        </div>
        <div className="field">
          <label htmlFor="new-user-role">Role</label>
          <select id="new-user-role" name="role" defaultValue="REVIEWER" {...invalid('role')}>
            <RoleOptions />
          </select>
        </div>
        <button className="button primary" type="submit" disabled={pending}>
          {pending ? 'Adding…' : 'Add user'}
        </button>
      </form>
      {created && (
        <div className="form-success" role="status">
          <p>
            {created.user.name} ({created.user.email}) was added as {roleLabel[created.user.role].toLowerCase()}.
          </p>
          <InvitationLink id="new-user-invitation" invitation={created.invitation} recipient={created.user.name} />
        </div>
      )}
    </section>
  );
}
