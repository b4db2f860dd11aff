import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { httpUrl } from '@/lib/annotations/input-schemas';
import { normalizeText } from '@/lib/articles/import/normalize-text';

export const MAX_ARTICLE_CHARACTERS = 2_000_000;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => v || null)
    .nullable()
    .optional();

export const articleMetadataInput = z.strictObject({
  title: z.string().trim().min(1, 'is required').max(300, 'must be at most 300 characters'),
  outlet: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  author: optionalText(200),
  url: z.union([httpUrl, z.literal('')]).transform((v) => v || null).nullable().optional(),
  publishedAt: z.union([z.iso.date('must be a date (YYYY-MM-DD)'), z.literal('')]).transform((v) => v || null).nullable().optional(),
});
export type ArticleMetadataInput = z.infer<typeof articleMetadataInput>;

function slugify(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  // A short random suffix keeps slugs unique without a read-then-write race.
  return `${base || 'article'}-${randomBytes(3).toString('hex')}`;
}

/** Creates an article (editors, admins) from its metadata and text; the text becomes revision 1. */
export async function createArticle(user: CurrentUser, metadata: ArticleMetadataInput, rawText: string) {
  assertCan(user, 'article:create');
  const text = normalizeText(rawText);
  if (!text.trim()) throw new AppError('UNPROCESSABLE', 'text: the article has no text', { field: 'text' });
  if (text.length > MAX_ARTICLE_CHARACTERS) {
    throw new AppError('PAYLOAD_TOO_LARGE', `text: the article is longer than ${MAX_ARTICLE_CHARACTERS.toLocaleString('en')} characters`, { field: 'text' });
  }
  return db.article.create({
    data: {
      slug: slugify(metadata.title),
      title: metadata.title,
      outlet: metadata.outlet,
      author: metadata.author ?? null,
      url: metadata.url ?? null,
      publishedAt: metadata.publishedAt ? new Date(metadata.publishedAt) : null,
      text,
      createdById: user.id,
      revisions: { create: { version: 1, text, editorId: user.id, note: 'Created' } },
    },
    select: { id: true, slug: true, title: true },
  });
}
