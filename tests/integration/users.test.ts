import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import pg from 'pg';
import * as usersRoute from '@/app/api/users/route';
import * as userRoute from '@/app/api/users/[id]/route';
import * as activeRoute from '@/app/api/users/[id]/active/route';
import * as resetRoute from '@/app/api/users/[id]/password-reset/route';
import * as auditRoute from '@/app/api/audit/route';
import * as tokensRoute from '@/app/api/tokens/route';
import * as accountPasswordRoute from '@/app/api/account/password/route';
import * as verdictsRoute from '@/app/api/verdicts/route';
import { acceptInvitation } from '@/lib/users/accept-invitation';
import { verifyCredentials } from '@/lib/auth/verify-credentials';
import { findActiveUser } from '@/lib/auth/current-user';
import { USER_EVENTS_CHANNEL } from '@/lib/events/article-events';
import { AppError } from '@/lib/errors';
import { apiTokenFor, call, sessionCookieFor } from '../support/api';
import { createUser, db } from '../support/db';
import { invitationToken, strongPassword, uniqueEmail, withOnlyActiveAdmins } from '../support/users';

const ip = '198.51.100.7';
const headers = { 'x-forwarded-for': ip };
let admin: { id: string; token: string };
let editor: { id: string; token: string };
let reviewer: { id: string; token: string };

beforeAll(async () => {
  for (const [key, role] of [['admin', 'ADMIN'], ['editor', 'EDITOR'], ['reviewer', 'REVIEWER']] as const) {
    const user = await createUser(role);
    const value = { id: user.id, token: await apiTokenFor(user.id) };
    if (key === 'admin') admin = value;
    else if (key === 'editor') editor = value;
    else reviewer = value;
  }
});

async function adminCreates(body: Record<string, unknown>, token = admin.token) {
  return call(usersRoute.POST, 'POST', { token, body, headers });
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('creating users and invitations', () => {
  it('creates a user without a password; the invitation link sets it once; then the user can sign in', async () => {
    const email = uniqueEmail('new');
    const created = await adminCreates({ name: 'Nora New', email: email.toUpperCase(), role: 'EDITOR' });
    expect(created.status).toBe(201);
    expect(created.json.user).toMatchObject({ email, name: 'Nora New', role: 'EDITOR', active: true, hasPassword: false, mustChangePassword: false });
    expect(created.json.user.invitationExpiresAt).toEqual(created.json.invitation.expiresAt);
    expect(created.json.user).not.toHaveProperty('passwordHash');
    const token = invitationToken(created.json.invitation.path);
    expect(created.json.invitation.url).toBe(`http://localhost/invite/${token}`);
    const expiresIn = new Date(created.json.invitation.expiresAt).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(71.9 * 3600_000);
    expect(expiresIn).toBeLessThanOrEqual(72 * 3600_000);

    // Stored hashed: the token itself is nowhere in the table.
    const stored = await db.invitation.findMany({ where: { userId: created.json.user.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(token);

    expect(await verifyCredentials(email, 'anything-at-all-here')).toMatchObject({ ok: false });
    const password = strongPassword();
    expect(await acceptInvitation(token, password, ip)).toEqual({ email });
    const second = await refusal(acceptInvitation(token, strongPassword()));
    expect(second.status).toBe(410);
    expect(second.userMessage).toMatch(/already been used/);

    expect(await verifyCredentials(email, password)).toMatchObject({ ok: true, user: { email, role: 'EDITOR' } });
    expect((await db.invitation.findFirstOrThrow({ where: { userId: created.json.user.id } })).usedAt).not.toBeNull();
  });

  it('refuses an expired link, an unknown one, one replaced by a newer link, and a weak password', async () => {
    const created = await adminCreates({ name: 'Eve Expired', email: uniqueEmail('expired') });
    expect(created.json.user.role).toBe('REVIEWER');
    const token = invitationToken(created.json.invitation.path);
    await db.invitation.updateMany({ where: { userId: created.json.user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await refusal(acceptInvitation(token, strongPassword()));
    expect(expired.status).toBe(410);
    expect(expired.userMessage).toMatch(/expired/);

    expect((await refusal(acceptInvitation('no-such-token', strongPassword()))).status).toBe(404);

    const other = await adminCreates({ name: 'Olly Old', email: uniqueEmail('replaced') });
    const oldToken = invitationToken(other.json.invitation.path);
    const reset = await call(resetRoute.POST, 'POST', { token: admin.token, params: { id: other.json.user.id }, headers });
    expect(reset.status).toBe(200);
    expect((await refusal(acceptInvitation(oldToken, strongPassword()))).status).toBe(404);

    const newToken = invitationToken(reset.json.invitation.path);
    const weak = await refusal(acceptInvitation(newToken, 'password1234'));
    expect(weak).toMatchObject({ status: 422, details: { field: 'password' } });
    const short = await refusal(acceptInvitation(newToken, 'Sh0rt!'));
    expect(short.userMessage).toMatch(/at least 12 characters/);
    // A refused password does not use the link up.
    expect(await acceptInvitation(newToken, strongPassword())).toMatchObject({ email: other.json.user.email });
  });

  it('refuses invalid input naming the field, and a second user with the same e-mail', async () => {
    const email = uniqueEmail('dup');
    expect((await adminCreates({ name: 'First', email })).status).toBe(201);
    const duplicate = await adminCreates({ name: 'Second', email: ` ${email.toUpperCase()} ` });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.field).toBe('email');

    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'X', email: 'not-an-email' }, 'email'],
      [{ name: '', email: uniqueEmail('x') }, 'name'],
      [{ name: 'X', email: uniqueEmail('x'), role: 'OWNER' }, 'role'],
      [{ name: 'X', email: uniqueEmail('x'), password: 'secret-secret' }, ''],
      [{ email: uniqueEmail('x') }, 'name'],
    ];
    for (const [body, field] of cases) {
      const res = await adminCreates(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      if (field) expect(res.json.field).toBe(field);
    }
    expect(await db.user.count({ where: { name: 'X' } })).toBe(0);
  });
});

describe('listing and editing users', () => {
  it('searches by name or e-mail and filters by role and active state', async () => {
    const marker = `zq${Date.now().toString(36)}`;
    const a = (await adminCreates({ name: `Searchable ${marker}`, email: uniqueEmail('s1'), role: 'EDITOR' })).json.user;
    const b = (await adminCreates({ name: 'Other person', email: uniqueEmail(`s2-${marker}`), role: 'REVIEWER' })).json.user;
    await call(activeRoute.POST, 'POST', { token: admin.token, params: { id: b.id }, body: { active: false }, headers });

    const list = (query: string) => call(usersRoute.GET, 'GET', { token: admin.token, path: `/api/users?${query}` });
    const ids = async (query: string) => (await list(query)).json.users.map((u: { id: string }) => u.id).sort();
    expect(await ids(`q=${marker.toUpperCase()}`)).toEqual([a.id, b.id].sort());
    expect(await ids(`q=${marker}&role=EDITOR`)).toEqual([a.id]);
    expect(await ids(`q=${marker}&active=false`)).toEqual([b.id]);
    expect(await ids(`q=${marker}&active=true`)).toEqual([a.id]);
    const paged = await list(`q=${marker}&pageSize=1&page=2`);
    expect(paged.json).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.json.users).toHaveLength(1);

    expect((await list('role=boss')).json.field).toBe('role');
    expect((await list('active=maybe')).status).toBe(422);
    expect((await list('sort=name')).status).toBe(422);
  });

  it('changes name, e-mail and role, and tells the collaboration server about the role', async () => {
    const user = (await adminCreates({ name: 'Ray Role', email: uniqueEmail('role') })).json.user;
    const events = await listen();
    try {
      const newEmail = uniqueEmail('renamed');
      const res = await call(userRoute.PATCH, 'PATCH', { token: admin.token, params: { id: user.id }, body: { name: 'Ray Renamed', email: newEmail, role: 'EDITOR' }, headers });
      expect(res.status).toBe(200);
      expect(res.json.user).toMatchObject({ name: 'Ray Renamed', email: newEmail, role: 'EDITOR' });
      await events.waitFor((e) => e.userId === user.id && e.type === 'user.changed');
    } finally {
      await events.close();
    }
    const audit = await db.auditEvent.findMany({ where: { targetId: user.id, action: { in: ['user.updated', 'user.role_changed'] } }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((e) => [e.action, e.actorId, e.ip])).toEqual([
      ['user.updated', admin.id, ip],
      ['user.role_changed', admin.id, ip],
    ]);
    expect(audit[1]!.data).toEqual({ from: 'REVIEWER', to: 'EDITOR' });

    const empty = await call(userRoute.PATCH, 'PATCH', { token: admin.token, params: { id: user.id }, body: {} });
    expect(empty.status).toBe(422);
    const missing = await call(userRoute.PATCH, 'PATCH', { token: admin.token, params: { id: 'no-such-user' }, body: { name: 'X' } });
    expect(missing.status).toBe(404);
  });
});

describe('permissions', () => {
  it('gives editors and reviewers 403 on every admin route, and changes nothing', async () => {
    const target = (await adminCreates({ name: 'Target', email: uniqueEmail('target') })).json.user;
    for (const who of [editor, reviewer]) {
      const attempts = [
        call(usersRoute.GET, 'GET', { token: who.token }),
        call(usersRoute.POST, 'POST', { token: who.token, body: { name: 'Sneaky', email: uniqueEmail('sneaky') } }),
        call(userRoute.PATCH, 'PATCH', { token: who.token, params: { id: target.id }, body: { role: 'ADMIN' } }),
        call(userRoute.PATCH, 'PATCH', { token: who.token, params: { id: who.id }, body: { role: 'ADMIN' } }),
        call(activeRoute.POST, 'POST', { token: who.token, params: { id: target.id }, body: { active: false } }),
        call(resetRoute.POST, 'POST', { token: who.token, params: { id: target.id } }),
        call(auditRoute.GET, 'GET', { token: who.token }),
      ];
      for (const res of await Promise.all(attempts)) {
        expect(res.status).toBe(403);
        expect(res.json.error).toBe('FORBIDDEN');
      }
    }
    expect(await db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ role: 'REVIEWER', active: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: editor.id } })).role).toBe('EDITOR');
    expect(await db.user.count({ where: { name: 'Sneaky' } })).toBe(0);
    // Without a token: 401.
    expect((await call(usersRoute.GET, 'GET')).status).toBe(401);
  });
});

describe('the last active admin', () => {
  it('cannot be deactivated or demoted; a second admin makes it possible', async () => {
    const first = await createUser('ADMIN');
    const firstToken = await apiTokenFor(first.id);
    await withOnlyActiveAdmins([first.id], async () => {
      const deactivate = await call(activeRoute.POST, 'POST', { token: firstToken, params: { id: first.id }, body: { active: false } });
      expect(deactivate.status).toBe(409);
      expect(deactivate.json).toMatchObject({ error: 'CONFLICT', field: 'active' });
      expect(deactivate.json.message).toMatch(/last active admin/);
      const demote = await call(userRoute.PATCH, 'PATCH', { token: firstToken, params: { id: first.id }, body: { role: 'EDITOR' } });
      expect(demote.status).toBe(409);
      expect(demote.json.field).toBe('role');
      expect(await db.user.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ role: 'ADMIN', active: true });

      const second = (await call(usersRoute.POST, 'POST', { token: firstToken, body: { name: 'Second admin', email: uniqueEmail('admin2'), role: 'ADMIN' } })).json.user;
      const demoted = await call(userRoute.PATCH, 'PATCH', { token: firstToken, params: { id: first.id }, body: { role: 'EDITOR' } });
      expect(demoted.status).toBe(200);
      expect(demoted.json.user.role).toBe('EDITOR');
      // Now the second one is the last.
      await db.user.update({ where: { id: first.id }, data: { role: 'ADMIN' } });
      const deactivated = await call(activeRoute.POST, 'POST', { token: firstToken, params: { id: second.id }, body: { active: false } });
      expect(deactivated.status).toBe(200);
      expect((await call(activeRoute.POST, 'POST', { token: firstToken, params: { id: first.id }, body: { active: false } })).status).toBe(409);
    });
  });

  it('survives two admins demoting each other at the same moment: exactly one succeeds', async () => {
    const a = await createUser('ADMIN');
    const b = await createUser('ADMIN');
    const [tokenA, tokenB] = [await apiTokenFor(a.id), await apiTokenFor(b.id)];
    await withOnlyActiveAdmins([a.id, b.id], async () => {
      const results = await Promise.all([
        call(userRoute.PATCH, 'PATCH', { token: tokenA, params: { id: b.id }, body: { role: 'EDITOR' } }),
        call(userRoute.PATCH, 'PATCH', { token: tokenB, params: { id: a.id }, body: { role: 'EDITOR' } }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(await db.user.count({ where: { id: { in: [a.id, b.id] }, role: 'ADMIN', active: true } })).toBe(1);
    });
  });
});

describe('deactivation', () => {
  it('publishes user.deactivated, and the user’s token and session stop working at once', async () => {
    const user = await createUser('REVIEWER');
    const token = await apiTokenFor(user.id);
    expect((await call(verdictsRoute.GET, 'GET', { token })).status).toBe(200);

    const events = await listen();
    try {
      const res = await call(activeRoute.POST, 'POST', { token: admin.token, params: { id: user.id }, body: { active: false }, headers });
      expect(res.status).toBe(200);
      expect(res.json.user.active).toBe(false);
      const event = await events.waitFor((e) => e.userId === user.id);
      expect(event).toEqual({ type: 'user.deactivated', userId: user.id });
    } finally {
      await events.close();
    }
    const refused = await call(verdictsRoute.GET, 'GET', { token });
    expect(refused.status).toBe(401);
    expect(await findActiveUser(user.id)).toBeNull();
    expect(await verifyCredentials(user.email, user.password)).toMatchObject({ ok: false, reason: 'inactive' });

    // Deactivating again changes nothing and records nothing more.
    await call(activeRoute.POST, 'POST', { token: admin.token, params: { id: user.id }, body: { active: false }, headers });
    const reactivated = await call(activeRoute.POST, 'POST', { token: admin.token, params: { id: user.id }, body: { active: true }, headers });
    expect(reactivated.json.user.active).toBe(true);
    expect((await call(verdictsRoute.GET, 'GET', { token })).status).toBe(200);
    const audit = await db.auditEvent.findMany({ where: { targetId: user.id }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((e) => [e.action, e.actorId, e.ip])).toEqual([
      ['user.deactivated', admin.id, ip],
      ['user.reactivated', admin.id, ip],
    ]);

    expect((await call(activeRoute.POST, 'POST', { token: admin.token, params: { id: user.id }, body: { active: 'no' } })).json.field).toBe('active');
  });
});

describe('password reset', () => {
  it('clears the password, forces a change, holds the account until the new link is used', async () => {
    const user = await createUser('REVIEWER');
    const token = await apiTokenFor(user.id);
    // A session from before the reset (perhaps the reason for it).
    const { cookie: oldSession } = await sessionCookieFor(user);
    expect((await call(verdictsRoute.GET, 'GET', { headers: { cookie: oldSession } })).status).toBe(200);
    const res = await call(resetRoute.POST, 'POST', { token: admin.token, params: { id: user.id }, headers });
    expect(res.status).toBe(200);
    expect(res.json.user).toMatchObject({ mustChangePassword: true, hasPassword: false });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ mustChangePassword: true, passwordHash: null });
    expect(await findActiveUser(user.id)).toMatchObject({ mustChangePassword: true });
    expect(await verifyCredentials(user.email, user.password)).toMatchObject({ ok: false, reason: 'invalid' });

    // Held: nothing but the account routes, and no new tokens.
    const held = await call(verdictsRoute.GET, 'GET', { token });
    expect(held.status).toBe(403);
    expect(held.json.field).toBe('password');
    expect((await call(tokensRoute.GET, 'GET', { token })).status).toBe(200);
    expect((await call(tokensRoute.POST, 'POST', { token, body: { name: 'while held' } })).status).toBe(403);
    const change = await call(accountPasswordRoute.POST, 'POST', { token, body: { currentPassword: user.password, newPassword: strongPassword() } });
    expect(change.status).toBe(409);
    expect(change.json.field).toBe('currentPassword');

    const password = strongPassword();
    await acceptInvitation(invitationToken(res.json.invitation.path), password);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ mustChangePassword: false });
    expect(await verifyCredentials(user.email, password)).toMatchObject({ ok: true });
    expect((await call(verdictsRoute.GET, 'GET', { token })).status).toBe(200);
    // The new password does not bring the old session back: its owner signs in again.
    expect((await call(verdictsRoute.GET, 'GET', { headers: { cookie: oldSession } })).status).toBe(401);

    const audit = await db.auditEvent.findMany({ where: { targetId: user.id, action: { in: ['user.password_reset', 'invitation.accepted'] } }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((e) => [e.action, e.actorId])).toEqual([
      ['user.password_reset', admin.id],
      ['invitation.accepted', user.id],
    ]);
    expect(audit[0]!.ip).toBe(ip);
    expect((await call(resetRoute.POST, 'POST', { token: admin.token, params: { id: 'nobody' } })).status).toBe(404);
  });
});

interface UserEventPayload {
  type: string;
  userId: string;
}

/** LISTENs on the user events channel with a connection of its own. */
async function listen() {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const received: UserEventPayload[] = [];
  client.on('notification', (message) => {
    if (message.channel === USER_EVENTS_CHANNEL && message.payload) received.push(JSON.parse(message.payload) as UserEventPayload);
  });
  await client.query(`LISTEN ${USER_EVENTS_CHANNEL}`);
  return {
    async waitFor(match: (event: UserEventPayload) => boolean, timeoutMs = 5000): Promise<UserEventPayload> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching ${USER_EVENTS_CHANNEL} event; got ${JSON.stringify(received)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: () => client.end(),
  };
}
