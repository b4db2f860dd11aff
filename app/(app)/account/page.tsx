import type { Metadata } from 'next';
import { requirePage } from '@/lib/auth/require-page';
import { roleLabel } from '@/lib/auth/roles';
import { listApiTokens } from '@/lib/users/list-api-tokens';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { ApiTokens } from '@/components/account/api-tokens';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const user = await requirePage('/account');
  const tokens = await listApiTokens(user);
  return (
    <>
      <h1>Account</h1>
      <p className="muted">
        {user.name} · {user.email} · {roleLabel[user.role]}
      </p>
      <div className="account-grid">
        <section className="card panel" aria-labelledby="password-heading">
          <h2 id="password-heading">Password</h2>
          <ChangePasswordForm />
        </section>
        <section className="card panel" aria-labelledby="tokens-heading">
          <h2 id="tokens-heading">API tokens</h2>
          <p className="small muted">
            Personal tokens for the <a href="/api-docs">REST API</a>. A token acts as you, with your role&apos;s permissions, until you revoke it
            or your account is deactivated.
          </p>
          <ApiTokens tokens={tokens} />
        </section>
      </div>
    </>
  );
}
