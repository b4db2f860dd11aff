'use client';

import { useActionState } from 'react';
import Link from 'next/link';
export type AcceptInvitationState =
  | { status: 'idle' }
  | { status: 'error'; message: string; field?: string }
  | { status: 'done'; email: string };

type Action = (state: AcceptInvitationState, data: FormData) => Promise<AcceptInvitationState>;

/** Choose a password through an invitation link (a server action does the work). */
export function AcceptInvitationForm({ token, email, action }: { token: string; email: string; action: Action }) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });

  if (state.status === 'done') {
    return (
      <div role="status" className="form-success">
        <p>Your password is set. Sign in with {state.email} and your new password.</p>
        <Link className="button primary" href="/login">
          Go to sign in
        </Link>
      </div>
    );
  }

  const invalid = (field: string) => (state.status === 'error' && state.field === field ? { 'aria-invalid': true } : {});
  return (
    <form action={formAction} noValidate aria-describedby={state.status === 'error' ? 'invite-error' : undefined}>
      {state.status === 'error' && (
        <div id="invite-error" role="alert" className="form-error">
          {state.message}
        </div>
      )}
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <div className="field">
        <label htmlFor="invite-password">New password</label>
        <input
          id="invite-password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          autoFocus
          aria-describedby="invite-password-hint"
          {...invalid('password')}
        />
        <span id="invite-password-hint" className="small muted">
          At least 12 characters. Common passwords, your name and your e-mail address are refused; a few unrelated words make a good one.
        </span>
      </div>
      <div className="field">
        <label htmlFor="invite-confirm">New password again</label>
        <input id="invite-confirm" name="confirm" type="password" autoComplete="new-password" required {...invalid('confirm')} />
      </div>
      <button className="button primary" type="submit" disabled={pending} style={{ width: '100%', justifyContent: 'center' }}>
        {pending ? 'Setting password…' : 'Set password'}
      </button>
    </form>
  );
}
