import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getServerSession } from 'next-auth';
import { requireUser } from '@/lib/auth/current-user';
import { createUser, db } from '../support/db';

// Pages call requireUser(); stand in for next-auth's session lookup and Next's redirect.
vi.mock('next-auth', async (importOriginal) => ({ ...(await importOriginal<typeof import('next-auth')>()), getServerSession: vi.fn() }));
vi.mock('next/navigation', () => ({
  redirect: vi.fn((url: string) => {
    throw new Error(`redirect:${url}`);
  }),
}));

const signIn = (id: string | null) => vi.mocked(getServerSession).mockResolvedValue(id ? { user: { id }, expires: '' } : null);

describe('requireUser', () => {
  beforeEach(() => vi.mocked(getServerSession).mockReset());

  it('sends visitors to /login and lets an ordinary user through', async () => {
    signIn(null);
    await expect(requireUser()).rejects.toThrow('redirect:/login');
    const user = await createUser('EDITOR');
    signIn(user.id);
    await expect(requireUser()).resolves.toMatchObject({ id: user.id, role: 'EDITOR', mustChangePassword: false });
  });

  it('sends a user who must change their password to /account/password, except from that page', async () => {
    const user = await createUser('REVIEWER');
    await db.user.update({ where: { id: user.id }, data: { mustChangePassword: true } });
    signIn(user.id);
    await expect(requireUser()).rejects.toThrow('redirect:/account/password');
    await expect(requireUser({ allowMustChangePassword: true })).resolves.toMatchObject({ id: user.id, mustChangePassword: true });
  });

  it('treats a deactivated user as signed out', async () => {
    const user = await createUser('REVIEWER', { active: false });
    signIn(user.id);
    await expect(requireUser()).rejects.toThrow('redirect:/login');
  });
});
