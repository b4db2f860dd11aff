import { describe, expect, it } from 'vitest';
import { verifyCredentials, MAX_FAILED_LOGINS } from '@/lib/auth/verify-credentials';
import { findActiveUser } from '@/lib/auth/current-user';
import { createUser, db } from '../support/db';

describe('login', () => {
  it('succeeds with the right password and fails with a wrong one', async () => {
    const user = await createUser('REVIEWER');
    const ok = await verifyCredentials(user.email.toUpperCase(), user.password);
    expect(ok).toEqual({ ok: true, user: { id: user.id, email: user.email, name: user.name, role: 'REVIEWER' } });
    const wrong = await verifyCredentials(user.email, `${user.password}x`);
    expect(wrong).toMatchObject({ ok: false, reason: 'invalid', message: 'Wrong e-mail or password.' });
    expect(await verifyCredentials('nobody@test.local', 'whatever')).toMatchObject({ ok: false, reason: 'invalid' });
    const events = await db.auditEvent.findMany({ where: { targetId: user.id }, orderBy: { createdAt: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['login.success', 'login.failure']);
  });

  it('locks the account after five failures within 15 minutes, even for the right password, and the lock is stored', async () => {
    const user = await createUser('EDITOR');
    for (let attempt = 1; attempt < MAX_FAILED_LOGINS; attempt++) {
      expect(await verifyCredentials(user.email, 'wrong-password')).toMatchObject({ reason: 'invalid' });
    }
    const fifth = await verifyCredentials(user.email, 'wrong-password');
    expect(fifth).toMatchObject({ ok: false, reason: 'locked' });
    expect(fifth.ok === false && fifth.message).toMatch(/locked for 15 more minutes/);

    const right = await verifyCredentials(user.email, user.password);
    expect(right).toMatchObject({ ok: false, reason: 'locked' });
    // Survives a restart: the lock lives in the database, not in memory.
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(await db.auditEvent.count({ where: { targetId: user.id, action: 'login.lockout' } })).toBe(1);

    // Once the lock has expired the right password works again and the failures are forgotten.
    await db.user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect(await verifyCredentials(user.email, user.password)).toMatchObject({ ok: true });
    expect(await db.loginFailure.count({ where: { userId: user.id } })).toBe(0);
  });

  it('does not count failures older than 15 minutes', async () => {
    const user = await createUser('REVIEWER');
    const old = new Date(Date.now() - 16 * 60_000);
    await db.loginFailure.createMany({ data: Array.from({ length: 4 }, () => ({ userId: user.id, createdAt: old })) });
    expect(await verifyCredentials(user.email, 'wrong')).toMatchObject({ reason: 'invalid' });
  });

  it('refuses a deactivated user, and their existing session resolves to nobody', async () => {
    const user = await createUser('REVIEWER');
    expect(await findActiveUser(user.id)).toMatchObject({ id: user.id });
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await findActiveUser(user.id)).toBeNull();
    expect(await verifyCredentials(user.email, user.password)).toMatchObject({ ok: false, reason: 'inactive' });
  });
});
