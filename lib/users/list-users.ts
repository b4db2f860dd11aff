import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import { toUserSummary, userSummarySelect, type UserSummary } from '@/lib/users/user-summary';
import type { ListUsersQuery } from '@/lib/users/input-schemas';

export interface UserList {
  users: UserSummary[];
  total: number;
  page: number;
  pageSize: number;
}

/** Users matching a search (name or e-mail, case-insensitive) and filters, by name. Admins only. */
export async function listUsers(actor: CurrentUser, query: Partial<ListUsersQuery> = {}): Promise<UserList> {
  assertCan(actor, 'user:manage');
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  const q = query.q?.trim();
  const where: Prisma.UserWhereInput = {
    ...(q ? { OR: [{ name: { contains: q, mode: 'insensitive' } }, { email: { contains: q, mode: 'insensitive' } }] } : {}),
    ...(query.role ? { role: query.role } : {}),
    ...(query.active !== undefined ? { active: query.active } : {}),
  };
  const now = new Date();
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      select: userSummarySelect(now),
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    db.user.count({ where }),
  ]);
  return { users: rows.map((row) => toUserSummary(row, now)), total, page, pageSize };
}
