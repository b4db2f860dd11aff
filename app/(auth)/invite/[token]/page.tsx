import type { Metadata } from 'next';
import Link from 'next/link';
import { getInvitation, invitationProblem } from '@/lib/users/get-invitation';
import { formatDateTime } from '@/lib/format';
import { AcceptInvitationForm } from '@/components/account/accept-invitation-form';
import { acceptInvitationAction } from './actions';

export const metadata: Metadata = { title: 'Set your password', referrer: 'no-referrer' };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await getInvitation(token);
  return (
    <main className="login-shell">
      <div className="card login-card">
        <h1>Set your password</h1>
        {invitation.status === 'valid' ? (
          <>
            <p>
              Welcome, {invitation.name}. Choose the password for <strong>{invitation.email}</strong>. This link works once, until{' '}
              {formatDateTime(invitation.expiresAt)}.
            </p>
            <AcceptInvitationForm token={token} email={invitation.email} action={acceptInvitationAction} />
          </>
        ) : (
          <>
            <div role="alert" className="form-error">
              {invitationProblem[invitation.status]}
            </div>
            <Link className="button" href="/login">
              Go to sign in
            </Link>
          </>
        )}
      </div>
    </main>
  );
}
