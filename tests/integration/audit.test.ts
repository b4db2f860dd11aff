import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as usersRoute from '@/app/api/users/route';
import * as userRoute from '@/app/api/users/[id]/route';
import * as activeRoute from '@/app/api/users/[id]/active/route';
import * as resetRoute from '@/app/api/users/[id]/password-reset/route';
import * as auditRoute from '@/app/api/audit/route';
import * as tokensRoute from '@/app/api/tokens/route';
import * as tokenRoute from '@/app/api/tokens/[id]/route';
import * as accountPasswordRoute from '@/app/api/account/password/route';
import { acceptInvitation } from '@/lib/users/accept-invitation';
import { apiTokenFor, call } from '../support/api';
import { createUser, db } from '../support/db';
import { invitationToken, strongPassword, uniqueEmail } from '../support/users';

// One address per run, so that this run's rows can be told from earlier runs' in the shared database.
const ip = `203.0.113.${1 + Math.floor(Math.random() * 254)}`;
const headers = { 'x-forwarded-for': ip };
let admin: Awaited<ReturnType<typeof createUser>>;
let adminToken: string;
let memberId: string;
let memberToken: string;
let tokenId: string;

const audit = (query: string, token = adminToken) => call(auditRoute.GET, 'GET', { token, path: `/api/audit?${query}` });

beforeAll(async () => {
  admin = await createUser('ADMIN', { name: `Audit admin ${Date.now()}` });
  adminToken = await apiTokenFor(admin.id);

  // Every audited account action, once, from one address.
  const created = await call(usersRoute.POST, 'POST', { token: adminToken, body: { name: 'Audited member', email: uniqueEmail('audited'), role: 'REVIEWER' }, headers });
  memberId = created.json.user.id;
  const firstPassword = strongPassword();
  await acceptInvitation(invitationToken(created.json.invitation.path), firstPassword, ip);
  await call(userRoute.PATCH, 'PATCH', { token: adminToken, params: { id: memberId }, body: { role: 'EDITOR' }, headers });
  await call(activeRoute.POST, 'POST', { token: adminToken, params: { id: memberId }, body: { active: false }, headers });
  await call(activeRoute.POST, 'POST', { token: adminToken, params: { id: memberId }, body: { active: true }, headers });
  memberToken = await apiTokenFor(memberId);
  await call(accountPasswordRoute.POST, 'POST', { token: memberToken, body: { currentPassword: firstPassword, newPassword: strongPassword() }, headers });
  const token = await call(tokensRoute.POST, 'POST', { token: memberToken, body: { name: 'audited token' }, headers });
  tokenId = token.json.token.id;
  await call(tokenRoute.DELETE, 'DELETE', { token: memberToken, params: { id: tokenId }, headers });
  const reset = await call(resetRoute.POST, 'POST', { token: adminToken, params: { id: memberId }, headers });
  await acceptInvitation(invitationToken(reset.json.invitation.path), strongPassword(), ip);
});

describe('audit log', () => {
  it('records every account action with actor, target and IP', async () => {
    const rows = await db.auditEvent.findMany({ where: { ip, OR: [{ targetId: memberId }, { targetId: tokenId }] }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    expect(rows.map((r) => [r.action, r.actorId, r.targetType, r.targetId])).toEqual([
      ['user.created', admin.id, 'user', memberId],
      ['invitation.accepted', memberId, 'user', memberId],
      ['user.role_changed', admin.id, 'user', memberId],
      ['user.deactivated', admin.id, 'user', memberId],
      ['user.reactivated', admin.id, 'user', memberId],
      ['password.changed', memberId, 'user', memberId],
      ['api_token.created', memberId, 'api_token', tokenId],
      ['api_token.revoked', memberId, 'api_token', tokenId],
      ['user.password_reset', admin.id, 'user', memberId],
      ['invitation.accepted', memberId, 'user', memberId],
    ]);
  });

  it('lists newest first with actor and target, filtered by actor and action, a page at a time', async () => {
    const all = await audit(`actor=${encodeURIComponent(admin.email)}`);
    expect(all.status).toBe(200);
    const actions = all.json.events.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['user.password_reset', 'user.reactivated', 'user.deactivated', 'user.role_changed', 'user.created']);
    expect(all.json.nextCursor).toBeNull();
    expect(all.json.events[0]).toMatchObject({
      actor: { id: admin.id, name: admin.name, email: admin.email },
      targetType: 'user',
      targetId: memberId,
      target: { name: 'Audited member' },
      ip,
    });
    expect((await audit(`actor=${admin.id}`)).json.events).toHaveLength(5);

    const filtered = await audit(`actor=${admin.id}&action=user.deactivated`);
    expect(filtered.json.events.map((e: { action: string }) => e.action)).toEqual(['user.deactivated']);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await audit(`actor=${admin.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.json.events.length).toBeLessThanOrEqual(2);
      seen.push(...page.json.events.map((e: { action: string }) => e.action));
      cursor = page.json.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(actions);
  });

  it('filters by date range (whole UTC days or instants)', async () => {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    expect((await audit(`actor=${admin.id}&from=${day(-1)}&to=${day(1)}`)).json.events).toHaveLength(5);
    expect((await audit(`actor=${admin.id}&from=${day(1)}`)).json.events).toHaveLength(0);
    expect((await audit(`actor=${admin.id}&to=${day(-1)}`)).json.events).toHaveLength(0);
    const created = (await db.auditEvent.findFirstOrThrow({ where: { actorId: admin.id, action: 'user.created' } })).createdAt;
    const since = await audit(`actor=${admin.id}&from=${encodeURIComponent(new Date(created.getTime() + 1).toISOString())}`);
    expect(since.json.events.map((e: { action: string }) => e.action)).not.toContain('user.created');
  });

  it('refuses bad filters naming the field, and anyone but an admin', async () => {
    expect((await audit('from=yesterday')).json).toMatchObject({ error: 'UNPROCESSABLE', field: 'from' });
    expect((await audit('from=2025-02-01&to=2025-01-01')).json.field).toBe('to');
    expect((await audit('limit=1000')).json.field).toBe('limit');
    expect((await audit('cursor=garbage')).json.field).toBe('cursor');
    expect((await audit('page=2')).status).toBe(422);
    expect((await audit('', memberToken)).status).toBe(403);
  });

  it('has no code path that updates or deletes audit rows', () => {
    const files = ['lib', 'app', 'server'].flatMap((dir) => sourceFiles(dir)).filter((file) => !file.startsWith(path.join('lib', 'generated')));
    expect(files.length).toBeGreaterThan(20);
    const forbidden = [
      /auditEvent\s*\.\s*(update|updateMany|updateManyAndReturn|upsert|delete|deleteMany)\b/i,
      /\b(UPDATE|DELETE\s+FROM|TRUNCATE(\s+TABLE)?)\s+"?AuditEvent"?/i,
    ];
    const offending = files.filter((file) => {
      const text = readFileSync(file, 'utf8');
      return forbidden.some((pattern) => pattern.test(text));
    });
    expect(offending).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|tsx|mts|js|mjs)$/.test(name) ? [full] : [];
  });
}
