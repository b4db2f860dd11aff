import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PrismaClient } from '@/lib/prisma-client';
import { hashPassword } from '@/lib/auth/password';
import { defaultVerdictScale } from '@/lib/verdicts/default-scale';
import type { Role } from '@/lib/auth/roles';

export const seedArticle = {
  slug: 'kremlin-not-rejecting-us-peace-initiative',
  title: 'Kremlin says Russia is not rejecting the US peace initiative',
  outlet: 'Newswire',
  publishedAt: new Date('2025-12-03T00:00:00Z'),
  file: path.join(process.cwd(), 'prisma', 'seed-data', 'article.txt'),
};

const seedUsers: { role: Role; name: string; envPrefix: string; defaultEmail: string }[] = [
  { role: 'ADMIN', name: 'Ada Admin', envPrefix: 'SEED_ADMIN', defaultEmail: 'admin@factcheck.local' },
  { role: 'EDITOR', name: 'Eddie Editor', envPrefix: 'SEED_EDITOR', defaultEmail: 'editor@factcheck.local' },
  { role: 'REVIEWER', name: 'Rita Reviewer', envPrefix: 'SEED_REVIEWER', defaultEmail: 'reviewer@factcheck.local' },
];

export interface SeededAccount {
  role: Role;
  email: string;
  password: string;
  generated: boolean;
}

/**
 * Idempotent: creates what is missing (verdict scale, demo users, the seed article) and changes
 * nothing that exists. Returns the accounts created by this run with their passwords, which come
 * from SEED_*_PASSWORD or are generated here (never hard-coded).
 */
export async function seedDatabase(db: PrismaClient, env: NodeJS.ProcessEnv = process.env): Promise<SeededAccount[]> {
  await db.verdict.createMany({
    data: defaultVerdictScale.map((verdict, position) => ({ ...verdict, position })),
    skipDuplicates: true,
  });

  const created: SeededAccount[] = [];
  for (const seedUser of seedUsers) {
    const email = (env[`${seedUser.envPrefix}_EMAIL`] ?? seedUser.defaultEmail).trim().toLowerCase();
    if (await db.user.findUnique({ where: { email }, select: { id: true } })) continue;
    const given = env[`${seedUser.envPrefix}_PASSWORD`];
    const password = given || randomBytes(12).toString('base64url');
    await db.user.create({ data: { email, name: seedUser.name, role: seedUser.role, passwordHash: await hashPassword(password) } });
    created.push({ role: seedUser.role, email, password, generated: !given });
  }

  const existing = await db.article.findUnique({ where: { slug: seedArticle.slug }, select: { id: true } });
  if (!existing) {
    const text = await readFile(seedArticle.file, 'utf8');
    await db.article.create({
      data: {
        slug: seedArticle.slug,
        title: seedArticle.title,
        outlet: seedArticle.outlet,
        publishedAt: seedArticle.publishedAt,
        text,
        revisions: { create: { version: 1, text, note: 'Imported from the seed data' } },
      },
    });
  }
  return created;
}
