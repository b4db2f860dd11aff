import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePage } from '@/lib/auth/require-page';
import { getOwnAccount } from '@/lib/users/get-own-account';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { SignOutButton } from '@/components/auth/sign-out-button';

export const metadata: Metadata = { title: 'Change your password' };

// Outside the signed-in layout on purpose: every other page sends a user who must change their
// password here, and this page must not send them on again.
export default async function ChangePasswordPage() {
  const user = await requirePage('/account/password', { allowMustChangePassword: true });
  const account = await getOwnAccount(user);
  return (
    <main className="login-shell">
      <div className="card login-card">
        <h1>{account.mustChangePassword ? 'Choose a new password' : 'Change your password'}</h1>
        {!account.hasPassword ? (
          <>
            <div role="alert" className="form-error">
              An admin has reset your password. Open the link they gave you to choose a new one, then sign in again. If you have no link, ask an
              admin for one.
            </div>
            <SignOutButton />
          </>
        ) : (
          <>
            {account.mustChangePassword && <p>Before you go on, replace your password with one of your own.</p>}
            <p className="muted small">Signed in as {account.email}.</p>
            <ChangePasswordForm then={account.mustChangePassword ? '/articles' : undefined} />
            <p className="small">
              {account.mustChangePassword ? <SignOutButton /> : <Link href="/account">Back to your account</Link>}
            </p>
          </>
        )}
      </div>
    </main>
  );
}
