import type { Prisma } from '@/lib/generated/prisma/client';

type Tx = Pick<Prisma.TransactionClient, 'user'>;

/**
 * The active users a text mentions as `@Full Name` (what the comment box's autocomplete
 * inserts), matched without regard to case and only as whole names.
 */
export async function findMentions(tx: Tx, text: string): Promise<{ id: string; name: string }[]> {
  if (!text.includes('@')) return [];
  const users = await tx.user.findMany({ where: { active: true }, select: { id: true, name: true } });
  const lower = text.toLowerCase();
  return users.filter((user) => {
    const needle = `@${user.name.toLowerCase()}`;
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
      const next = lower[at + needle.length];
      if (next === undefined || !/[\p{L}\p{N}]/u.test(next)) return true;
    }
    return false;
  });
}
