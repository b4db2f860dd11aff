import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { createPrismaClient } from '@/lib/prisma-client';
import { seedArticle, seedDatabase } from '@/lib/seed/seed-database';
import { verifyPassword } from '@/lib/auth/password';
import { recreateDatabase, siblingDatabaseUrl, testDatabaseUrl } from '../support/test-database';
import { runMigrations } from '../support/migrate';

describe('seed', () => {
  it('stores the article byte-for-byte and three users, and a second run changes nothing', async () => {
    const url = siblingDatabaseUrl(testDatabaseUrl(), 'factcheck_test_seed');
    await recreateDatabase(url);
    runMigrations(url);
    const client = createPrismaClient(url, 2);
    try {
      const env = { SEED_ADMIN_PASSWORD: 'admin-password-from-env', SEED_EDITOR_EMAIL: 'Chief@Example.org' } as unknown as NodeJS.ProcessEnv;
      const first = await seedDatabase(client, env);
      expect(first.map((a) => a.role)).toEqual(['ADMIN', 'EDITOR', 'REVIEWER']);
      expect(first[0]).toMatchObject({ email: 'admin@factcheck.local', password: 'admin-password-from-env', generated: false });
      expect(first[1]).toMatchObject({ email: 'chief@example.org', generated: true });
      expect(first[2]!.password.length).toBeGreaterThanOrEqual(16);

      const admin = await client.user.findUniqueOrThrow({ where: { email: 'admin@factcheck.local' } });
      expect(admin.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(admin.passwordHash!, 'admin-password-from-env')).toBe(true);

      const article = await client.article.findUniqueOrThrow({ where: { slug: seedArticle.slug } });
      const file = await readFile('prisma/seed-data/article.txt', 'utf8');
      expect(article.text).toBe(file);
      expect(article.text).toContain('“normal negotiation process”');
      expect(Buffer.from(article.text, 'utf8').equals(await readFile('../shared/seed/article.txt').catch(() => Buffer.from(file)))).toBe(true);

      const snapshot = async () => ({
        users: await client.user.findMany({ orderBy: { email: 'asc' } }),
        articles: await client.article.findMany(),
        revisions: await client.articleRevision.findMany(),
        verdicts: await client.verdict.findMany({ orderBy: { position: 'asc' } }),
      });
      const before = await snapshot();
      expect(before.verdicts.map((v) => v.label)).toEqual(['True', 'Mostly true', 'Half true', 'Mostly false', 'False', 'Misleading', 'Unverifiable', 'Opinion']);
      expect(await seedDatabase(client, env)).toEqual([]);
      expect(await snapshot()).toEqual(before);
    } finally {
      await client.$disconnect();
      const admin = createPrismaClient(siblingDatabaseUrl(testDatabaseUrl(), 'postgres'), 1);
      await admin.$executeRawUnsafe('DROP DATABASE IF EXISTS factcheck_test_seed WITH (FORCE)');
      await admin.$disconnect();
    }
  });
});
