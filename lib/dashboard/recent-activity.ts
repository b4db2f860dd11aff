import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';

export interface ActivityItem {
  id: string;
  kind: string;
  actor: string;
  at: string;
  article: { id: string; title: string };
  annotationId: string;
  quote: string;
}

const kinds = ['commented', 'approved', 'changes_requested', 'reopened', 'updated', 'corrected', 'thread_resolved', 'deleted'];

/** What others did lately to the user's annotations (newest first). */
export async function recentActivityOnMyAnnotations(user: CurrentUser, limit = 6): Promise<ActivityItem[]> {
  assertCan(user, 'article:read');
  const events = await db.annotationEvent.findMany({
    where: { kind: { in: kinds }, actorId: { not: user.id }, annotation: { authorId: user.id } },
    orderBy: { createdAt: 'desc' },
    take: limit,
    select: {
      id: true,
      kind: true,
      createdAt: true,
      actor: { select: { name: true } },
      annotation: { select: { id: true, quoteExact: true, article: { select: { id: true, title: true } } } },
    },
  });
  return events.map((e) => ({
    id: e.id,
    kind: e.kind,
    actor: e.actor.name,
    at: e.createdAt.toISOString(),
    article: e.annotation.article,
    annotationId: e.annotation.id,
    quote: e.annotation.quoteExact,
  }));
}
