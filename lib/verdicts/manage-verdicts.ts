import { z } from 'zod';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import type { VerdictDto } from '@/lib/verdicts/list-verdicts';

// The verdict scale is data: admins rename verdicts, recolour them, change their ClaimReview rating
// (1 worst … 5 best, 0 = not on that scale) and whether they need a source, and add new ones.
// Verdicts are never deleted: annotations and exports refer to them.
const fields = {
  label: z.string().trim().min(1, 'is required').max(60, 'must be at most 60 characters'),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1b7a3a'),
  ratingValue: z.number().int().min(0, 'must be 0 to 5').max(5, 'must be 0 to 5'),
  requiresSource: z.boolean(),
};

export const updateVerdictInput = z.strictObject({
  label: fields.label.optional(),
  color: fields.color.optional(),
  ratingValue: fields.ratingValue.optional(),
  requiresSource: fields.requiresSource.optional(),
});

export const createVerdictInput = z.strictObject({
  key: z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be 1 to 40 lower-case letters, digits or hyphens'),
  ...fields,
});

const select = { key: true, label: true, color: true, ratingValue: true, requiresSource: true } as const;

export async function updateVerdict(user: CurrentUser, key: string, input: z.infer<typeof updateVerdictInput>): Promise<VerdictDto> {
  assertCan(user, 'verdict:manage');
  try {
    return await db.verdict.update({ where: { key }, data: input, select });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') throw new AppError('NOT_FOUND', `No verdict "${key}".`);
    throw error;
  }
}

export async function createVerdict(user: CurrentUser, input: z.infer<typeof createVerdictInput>): Promise<VerdictDto> {
  assertCan(user, 'verdict:manage');
  const last = await db.verdict.aggregate({ _max: { position: true } });
  try {
    return await db.verdict.create({ data: { ...input, position: (last._max.position ?? -1) + 1 }, select });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('CONFLICT', `key: a verdict "${input.key}" exists already`, { field: 'key' });
    }
    throw error;
  }
}
