// Integration tests talk to the real PostgreSQL test database through the app's own client.
import { db } from '@/lib/db';
import { hashPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/auth/roles';
import { randomUUID } from 'node:crypto';

export { db };

export async function createUser(role: Role, overrides: { password?: string; active?: boolean; name?: string } = {}) {
  const email = `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@test.local`;
  const password = overrides.password ?? `pw-${randomUUID()}`;
  const user = await db.user.create({
    data: {
      email,
      name: overrides.name ?? `Test ${role.toLowerCase()} ${email.slice(0, 12)}`,
      role,
      active: overrides.active ?? true,
      passwordHash: await hashPassword(password),
    },
  });
  return { ...user, password };
}

export async function createArticle(text: string, title = 'Test article') {
  const slug = `test-${randomUUID()}`;
  return db.article.create({ data: { slug, title, outlet: 'Test outlet', text, revisions: { create: { version: 1, text } } } });
}
