import type { Prisma } from '@/lib/generated/prisma/client';
import { AppError } from '@/lib/errors';

type Tx = Pick<Prisma.TransactionClient, 'verdict'>;

export async function resolveVerdict(tx: Tx, key: string | null) {
  if (key === null) return null;
  const verdict = await tx.verdict.findUnique({ where: { key } });
  if (!verdict) throw unknownVerdict(key);
  return verdict;
}

export function unknownVerdict(key: string): AppError {
  return new AppError('UNPROCESSABLE', `verdict: unknown verdict "${key.slice(0, 64)}"`, { field: 'verdict' });
}

/**
 * A verdict other than those that need no source (Unverifiable, Opinion) cannot be submitted
 * without at least one source; a draft can be saved without.
 */
export function assertSubmittable(verdict: { label: string; requiresSource: boolean } | null, sourceCount: number): void {
  if (!verdict) throw new AppError('UNPROCESSABLE', 'verdict: choose a verdict before submitting', { field: 'verdict' });
  if (verdict.requiresSource && sourceCount === 0) {
    throw new AppError('UNPROCESSABLE', `sources: a "${verdict.label}" verdict needs at least one source before it can be submitted`, {
      field: 'sources',
    });
  }
}
