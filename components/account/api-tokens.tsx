'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { apiFetch, ApiError } from '@/lib/client/api-client';
import { readableError } from '@/lib/client/readable-error';
import { formatDateTime } from '@/lib/format';
import type { ApiTokenSummary } from '@/lib/users/api-token-summary';
import { CopyField } from '@/components/ui/copy-field';
import { useConfirm } from '@/components/ui/confirm-dialog';

/** Personal API tokens: create (the secret is shown once), list, revoke. */
export function ApiTokens({ tokens }: { tokens: ApiTokenSummary[] }) {
  const router = useRouter();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [confirm, confirmDialog] = useConfirm();

  async function onCreate(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get('name') ?? '');
    setCreating(true);
    setError(null);
    setCreated(null);
    try {
      const result = await apiFetch<{ token: ApiTokenSummary; secret: string }>('/api/tokens', { method: 'POST', json: { name } });
      setCreated({ name: result.token.name, secret: result.secret });
      form.reset();
      router.refresh();
    } catch (e) {
      setError(readableError(e, { name: 'Token name' }, 'Something went wrong; no token was created.'));
    } finally {
      setCreating(false);
    }
  }

  async function onRevoke(token: ApiTokenSummary) {
    if (!(await confirm({ title: `Revoke the token “${token.name}”?`, description: 'Anything using it stops working at once. This cannot be undone.', action: 'Revoke', destructive: true }))) return;
    setRevoking(token.id);
    setError(null);
    try {
      await apiFetch(`/api/tokens/${token.id}`, { method: 'DELETE' });
      router.refresh();
    } catch (e) {
      setError({ message: e instanceof ApiError ? e.message : 'Something went wrong; the token was not revoked.' });
    } finally {
      setRevoking(null);
    }
  }

  return (
    <>
      <form onSubmit={onCreate} noValidate className="inline-form">
        <div className="field">
          <label htmlFor="token-name">Token name</label>
          <input
            id="token-name"
            name="name"
            required
            maxLength={100}
            placeholder="e.g. Newsroom CMS export"
            aria-invalid={error?.field === 'name' || undefined}
            aria-describedby={error ? 'token-error' : undefined}
          />
        </div>
        <button className="button primary" type="submit" disabled={creating}>
          {creating ? 'Creating…' : 'Create token'}
        </button>
      </form>
      {error && (
        <div id="token-error" role="alert" className="form-error">
          {error.message}
        </div>
      )}
      {created && (
        <div className="notice" data-testid="new-token">
          <CopyField
            id="new-token-secret"
            label={`Token "${created.name}"`}
            value={created.secret}
            hint="Shown only now: copy it into the program that needs it. Send it as Authorization: Bearer <token>."
          />
        </div>
      )}
      {tokens.length === 0 ? (
        <div className="empty-state">No API tokens yet. Create one to use the REST API from a script or another program.</div>
      ) : (
        <table className="api-table">
          <caption className="sr-only">Your API tokens</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id} className={token.revokedAt ? 'muted' : undefined}>
                <td>{token.name}</td>
                <td>{formatDateTime(token.createdAt)}</td>
                <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : '—'}</td>
                <td>{token.revokedAt ? `Revoked ${formatDateTime(token.revokedAt)}` : 'Active'}</td>
                <td>
                  {!token.revokedAt && (
                    <button className="button small danger" type="button" onClick={() => void onRevoke(token)} disabled={revoking !== null}>
                      {revoking === token.id ? 'Revoking…' : 'Revoke'}
                      <span className="sr-only"> {token.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirmDialog}
    </>
  );
}
