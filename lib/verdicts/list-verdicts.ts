import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';

export interface VerdictDto {
  key: string;
  label: string;
  color: string;
  ratingValue: number;
  requiresSource: boolean;
}

export async function listVerdicts(user: CurrentUser): Promise<VerdictDto[]> {
  assertCan(user, 'article:read');
  return db.verdict.findMany({
    orderBy: { position: 'asc' },
    select: { key: true, label: true, color: true, ratingValue: true, requiresSource: true },
  });
}
