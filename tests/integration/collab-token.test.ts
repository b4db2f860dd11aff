import { afterEach, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { hashApiToken } from '@/lib/auth/api-token';
import { issueCollabToken, verifyCollabToken } from '@/lib/collab/collab-token';
import { COLLAB_COLORS, colorForUser } from '@/lib/collab/colors';
import { POST } from '@/app/api/collab/token/route';
import { sessionCookieFor } from '../support/api';
import { createUser, db } from '../support/db';

const SECRET = process.env.COLLAB_TOKEN_SECRET!;
const savedEnv = { ...process.env };

afterEach(() => {
  for (const key of ['COLLAB_TOKEN_SECRET', 'COLLAB_PUBLIC_URL', 'COLLAB_PORT'] as const) {
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- deleting is how a variable is unset (assigning undefined stores 'undefined').
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
});

async function bearerFor(userId: string): Promise<string> {
  const raw = `fcd_${randomUUID()}`;
  await db.apiToken.create({ data: { userId, name: 'collab test', tokenHash: hashApiToken(raw) } });
  return raw;
}

function postToken(bearer?: string, cookie?: string): Promise<Response> {
  const req = new NextRequest('http://localhost:3000/api/collab/token', {
    method: 'POST',
    headers: bearer ? { authorization: `Bearer ${bearer}` } : cookie ? { cookie } : {},
  });
  return POST(req, { params: Promise.resolve({}) });
}

describe('collaboration tokens', () => {
  it('round-trip the user, and are refused with another secret, another audience or after expiry', async () => {
    const user = { id: 'user-1', role: 'EDITOR' as const, name: 'Ada' };
    const token = await issueCollabToken(user, SECRET);
    expect(await verifyCollabToken(token, SECRET)).toEqual({ userId: 'user-1', role: 'EDITOR', name: 'Ada', session: null });
    const session = { id: 'session-1', signedInAt: 1_700_000_000 };
    expect(await verifyCollabToken(await issueCollabToken(user, SECRET, 60, session), SECRET)).toMatchObject({ userId: 'user-1', session });

    await expect(verifyCollabToken(token, `${SECRET}-other`)).rejects.toThrow();
    await expect(verifyCollabToken(await issueCollabToken(user, SECRET, -1), SECRET)).rejects.toThrow();
    const forOtherAudience = await new SignJWT({ role: 'ADMIN', name: 'Ada' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('user-1')
      .setAudience('api')
      .setIssuer('factcheck-desk')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(SECRET));
    await expect(verifyCollabToken(forOtherAudience, SECRET)).rejects.toThrow();
  });

  it('give each user one colour from the palette', () => {
    expect(colorForUser('user-1')).toBe(colorForUser('user-1'));
    const colors = new Set(Array.from({ length: 200 }, (_, i) => colorForUser(`user-${i}`)));
    expect([...colors].every((color) => (COLLAB_COLORS as readonly string[]).includes(color))).toBe(true);
    expect(colors.size).toBeGreaterThan(COLLAB_COLORS.length / 2);
  });
});

describe('POST /api/collab/token', () => {
  it("answers a signed-in user's token, the socket URL, the lifetime, and how the user appears", async () => {
    const user = await createUser('REVIEWER');
    process.env.COLLAB_PORT = '4567';
    delete process.env.COLLAB_PUBLIC_URL;
    const response = await postToken(await bearerFor(user.id));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body).toMatchObject({
      url: 'ws://localhost:4567',
      expiresIn: 300,
      user: { id: user.id, name: user.name, color: colorForUser(user.id) },
    });
    // Asked for with an API token: no session, which no password change ends.
    expect(await verifyCollabToken(body.token, SECRET)).toEqual({ userId: user.id, role: 'REVIEWER', name: user.name, session: null });

    process.env.COLLAB_PUBLIC_URL = 'wss://collab.example.test';
    expect((await (await postToken(await bearerFor(user.id))).json()).url).toBe('wss://collab.example.test');
  });

  it("names the caller's session in the token, and refuses a session that a password change ended", async () => {
    const user = await createUser('EDITOR');
    const session = await sessionCookieFor(user, 120);
    const response = await postToken(undefined, session.cookie);
    expect(response.status).toBe(200);
    const claims = await verifyCollabToken((await response.json()).token, SECRET);
    expect(claims.session).toEqual({ id: session.sid, signedInAt: session.signedInAt });

    await db.user.update({ where: { id: user.id }, data: { sessionsValidFrom: new Date() } });
    expect((await postToken(undefined, session.cookie)).status).toBe(401);
  });

  it('refuses callers who are not signed in, or deactivated', async () => {
    expect((await postToken()).status).toBe(401);
    const user = await createUser('EDITOR', { active: false });
    expect((await postToken(await bearerFor(user.id))).status).toBe(401);
  });

  it('answers 503 naming the missing setting when COLLAB_TOKEN_SECRET is not set', async () => {
    const user = await createUser('EDITOR');
    delete process.env.COLLAB_TOKEN_SECRET;
    const response = await postToken(await bearerFor(user.id));
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: 'UNAVAILABLE', message: expect.stringContaining('COLLAB_TOKEN_SECRET') });
  });
});
