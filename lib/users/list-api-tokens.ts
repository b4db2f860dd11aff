import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import { apiTokenSummarySelect, toApiTokenSummary, type ApiTokenSummary } from '@/lib/users/api-token-summary';

/** The signed-in user's own API tokens, newest first (revoked ones included, marked). */
export async function listApiTokens(user: CurrentUser): Promise<ApiTokenSummary[]> {
  assertCan(user, 'account:manage');
  const rows = await db.apiToken.findMany({
    where: { userId: user.id },
    select: apiTokenSummarySelect,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 200,
  });
  return rows.map(toApiTokenSummary);
}
