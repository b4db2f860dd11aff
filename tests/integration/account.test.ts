import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import * as accountPasswordRoute from '@/app/api/account/password/route';
import * as tokensRoute from '@/app/api/tokens/route';
import * as tokenRoute from '@/app/api/tokens/[id]/route';
import * as verdictsRoute from '@/app/api/verdicts/route';
import { verifyCredentials } from '@/lib/auth/verify-credentials';
import { apiTokenFor, call } from '../support/api';
import { createUser, db } from '../support/db';
import { strongPassword } from '../support/users';

const ip = '198.51.100.21';
const headers = { 'x-forwarded-for': ip };

describe('changing one’s own password', () => {
  it('requires the current password, a strong new one, and then signs in with the new one only', async () => {
    const user = await createUser('REVIEWER', { name: 'Petra Quill' });
    const token = await apiTokenFor(user.id);
    const change = (body: unknown) => call(accountPasswordRoute.POST, 'POST', { token, body, headers });
    const localPart = user.email.split('@')[0]!;

    const wrong = await change({ currentPassword: 'not-my-password', newPassword: strongPassword() });
    expect(wrong.status).toBe(422);
    expect(wrong.json).toMatchObject({ field: 'currentPassword', message: 'currentPassword: is wrong' });

    const refused: [string, RegExp][] = [
      ['Sh0rt-pass', /at least 12 characters/],
      ['password1234', /most common passwords/],
      ['qwertyuiop123', /most common passwords/],
      ['P@ssw0rd-2024!!', /common word/],
      ['Factcheck#2025!', /common word/],
      ['Letmein-Letmein', /common word/],
      ['Sunshine!!2024', /common word|common password/],
      ['kkkkkkkkkkkkk', /repeated pattern/],
      ['123456789012', /most common|repeated pattern or a sequence/],
      [`${localPart}-2025!`, /name or e-mail/],
      ['petra-quill-99', /name or e-mail/],
      ['Quill.Quill.77', /name or e-mail/],
    ];
    for (const [newPassword, message] of refused) {
      const res = await change({ currentPassword: user.password, newPassword });
      expect(res.status, newPassword).toBe(422);
      expect(res.json.field, newPassword).toBe('newPassword');
      expect(res.json.message, newPassword).toMatch(message);
    }
    expect((await change({ currentPassword: user.password, newPassword: user.password })).status).toBe(422);
    expect((await change({ currentPassword: user.password })).json.field).toBe('newPassword');
    expect((await change({ currentPassword: user.password, newPassword: strongPassword(), confirm: 'x' })).status).toBe(422);
    // Nothing above changed the password.
    expect(await verifyCredentials(user.email, user.password)).toMatchObject({ ok: true });

    const newPassword = strongPassword();
    const ok = await change({ currentPassword: user.password, newPassword });
    expect(ok.status).toBe(204);
    expect(await verifyCredentials(user.email, newPassword)).toMatchObject({ ok: true });
    expect(await verifyCredentials(user.email, user.password)).toMatchObject({ ok: false });
    const audit = await db.auditEvent.findMany({ where: { targetId: user.id, action: 'password.changed' } });
    expect(audit.map((e) => [e.actorId, e.ip])).toEqual([[user.id, ip]]);
  });
});

describe('personal API tokens', () => {
  it('shows a new token once, stores only its hash, and refuses it (401) once revoked', async () => {
    const user = await createUser('EDITOR');
    const session = await apiTokenFor(user.id);
    const created = await call(tokensRoute.POST, 'POST', { token: session, body: { name: 'CI export' }, headers });
    expect(created.status).toBe(201);
    const { token, secret } = created.json;
    expect(secret).toMatch(/^fcd_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ name: 'CI export', revokedAt: null, lastUsedAt: null });
    expect(created.headers.get('cache-control')).toBe('no-store');

    const rows = await db.apiToken.findMany({ where: { userId: user.id } });
    expect(rows.find((r) => r.id === token.id)!.tokenHash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(secret);

    const listed = await call(tokensRoute.GET, 'GET', { token: secret });
    expect(listed.status).toBe(200);
    expect(listed.json.tokens.map((t: { id: string }) => t.id)).toContain(token.id);
    // Using it is noted, to the minute.
    const lastUsedAt = listed.json.tokens.find((t: { id: string }) => t.id === token.id).lastUsedAt;
    expect(Math.abs(Date.parse(lastUsedAt) - Date.now())).toBeLessThan(60_000);
    await call(tokensRoute.GET, 'GET', { token: secret });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt!.toISOString()).toBe(lastUsedAt);
    expect(JSON.stringify(listed.json)).not.toContain(secret);
    expect(JSON.stringify(listed.json)).not.toContain('tokenHash');

    // Someone else cannot revoke it.
    const stranger = await apiTokenFor((await createUser('ADMIN')).id);
    expect((await call(tokenRoute.DELETE, 'DELETE', { token: stranger, params: { id: token.id } })).status).toBe(404);
    expect((await call(verdictsRoute.GET, 'GET', { token: secret })).status).toBe(200);

    const revoked = await call(tokenRoute.DELETE, 'DELETE', { token: session, params: { id: token.id }, headers });
    expect(revoked.status).toBe(204);
    const refused = await call(verdictsRoute.GET, 'GET', { token: secret });
    expect(refused.status).toBe(401);
    expect((await call(tokenRoute.DELETE, 'DELETE', { token: session, params: { id: token.id } })).status).toBe(204);
    const after = await call(tokensRoute.GET, 'GET', { token: session });
    expect(after.json.tokens.find((t: { id: string }) => t.id === token.id).revokedAt).toEqual(expect.any(String));

    const audit = await db.auditEvent.findMany({ where: { targetId: token.id }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((e) => [e.action, e.actorId, e.targetType, e.ip])).toEqual([
      ['api_token.created', user.id, 'api_token', ip],
      ['api_token.revoked', user.id, 'api_token', ip],
    ]);
  });

  it('refuses a token without a name, naming the field; every role may manage its own', async () => {
    const user = await createUser('REVIEWER');
    const token = await apiTokenFor(user.id);
    for (const body of [{}, { name: '' }, { name: 'x'.repeat(101) }, { name: 'ok', scope: 'all' }]) {
      const res = await call(tokensRoute.POST, 'POST', { token, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    expect((await call(tokensRoute.POST, 'POST', { token, body: {} })).json.field).toBe('name');
    expect((await call(tokensRoute.POST, 'POST', { token, body: { name: 'reviewer token' } })).status).toBe(201);
    expect((await call(tokensRoute.GET, 'GET')).status).toBe(401);
  });
});
