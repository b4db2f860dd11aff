'use client';

import { useState } from 'react';
import { apiFetch, ApiError } from '@/lib/client/api-client';
import { readableError } from '@/lib/client/readable-error';

const MIN_LENGTH = 12;
const labels = { currentPassword: 'Current password', newPassword: 'New password' };

/** Change one's own password; `then` is where to go afterwards (else a confirmation stays on the page). */
export function ChangePasswordForm({ then }: { then?: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [done, setDone] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const currentPassword = String(data.get('currentPassword') ?? '');
    const newPassword = String(data.get('newPassword') ?? '');
    setDone(false);
    if (newPassword !== String(data.get('confirmPassword') ?? '')) {
      setError({ message: 'The two new passwords differ: type the same one twice.', field: 'confirmPassword' });
      form.querySelector<HTMLInputElement>('[name="confirmPassword"]')?.focus();
      return;
    }
    setPending(true);
    setError(null);
    try {
      await apiFetch('/api/account/password', { method: 'POST', json: { currentPassword, newPassword } });
      form.reset();
      if (then) {
        window.location.assign(then);
        return;
      }
      setDone(true);
    } catch (e) {
      setError(readableError(e, labels, 'Something went wrong; your password was not changed.'));
      if (e instanceof ApiError && e.field) form.querySelector<HTMLInputElement>(`[name="${e.field}"]`)?.focus();
    } finally {
      setPending(false);
    }
  }

  const invalid = (field: string) => (error?.field === field ? { 'aria-invalid': true, 'aria-describedby': 'password-error' } : {});

  return (
    <form onSubmit={onSubmit} noValidate className="narrow-form">
      {error && (
        <div id="password-error" role="alert" className="form-error">
          {error.message}
        </div>
      )}
      {done && (
        <div role="status" className="form-success">
          Your password has been changed.
        </div>
      )}
      <div className="field">
        <label htmlFor="currentPassword">Current password</label>
        <input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" required {...invalid('currentPassword')} />
      </div>
      <div className="field">
        <label htmlFor="newPassword">New password</label>
        <input
          id="newPassword"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_LENGTH}
          aria-describedby={error?.field === 'newPassword' ? 'password-error new-password-hint' : 'new-password-hint'}
          aria-invalid={error?.field === 'newPassword' || undefined}
        />
        <span id="new-password-hint" className="small muted">
          At least {MIN_LENGTH} characters. Common passwords, your name and your e-mail address are refused; a few unrelated words make a good one.
        </span>
      </div>
      <div className="field">
        <label htmlFor="confirmPassword">New password again</label>
        <input id="confirmPassword" name="confirmPassword" type="password" autoComplete="new-password" required {...invalid('confirmPassword')} />
      </div>
      <button className="button primary" type="submit" disabled={pending}>
        {pending ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
}
