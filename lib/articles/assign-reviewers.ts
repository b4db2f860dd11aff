import { z } from 'zod';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { recordNotifications } from '@/lib/notifications/record-notifications';
import type { ReviewPerson } from '@/lib/articles/get-review-overview';

export const MAX_ASSIGNEES = 200;

export const assignReviewersInput = z.strictObject({
  userIds: z.array(z.string().min(1).max(64)).max(MAX_ASSIGNEES, `at most ${MAX_ASSIGNEES} users`),
});
export type AssignReviewersInput = z.infer<typeof assignReviewersInput>;

/**
 * Sets who is assigned to an article (editors, admins): exactly `userIds` afterwards. Each must be
 * an active reviewer or editor; otherwise nothing changes and the first one refused is named.
 */
export async function assignReviewers(user: CurrentUser, articleId: string, input: AssignReviewersInput): Promise<ReviewPerson[]> {
  assertCan(user, 'annotation:review');
  const userIds = [...new Set(input.userIds)];
  return db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: articleId }, select: { id: true } });
    if (!article) throw new AppError('NOT_FOUND', 'No such article.');
    const users = await tx.user.findMany({
      where: { id: { in: userIds }, active: true, role: { in: ['REVIEWER', 'EDITOR'] } },
      select: { id: true, name: true, role: true },
    });
    const found = new Set(users.map((u) => u.id));
    const refused = input.userIds.findIndex((id) => !found.has(id));
    if (refused >= 0) {
      throw new AppError('UNPROCESSABLE', `userIds.${refused}: not an active reviewer or editor`, { field: `userIds.${refused}` });
    }
    const before = new Set((await tx.articleAssignment.findMany({ where: { articleId }, select: { userId: true } })).map((a) => a.userId));
    await tx.articleAssignment.deleteMany({ where: { articleId, userId: { notIn: userIds } } });
    await tx.articleAssignment.createMany({ data: userIds.map((userId) => ({ articleId, userId })), skipDuplicates: true });
    // Only those newly assigned hear of it.
    await recordNotifications(
      tx,
      userIds.filter((id) => !before.has(id)).map((id) => ({ userId: id, kind: 'assigned' as const, actorId: user.id, articleId })),
    );
    return users.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  });
}
