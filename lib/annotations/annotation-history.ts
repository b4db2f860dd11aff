import type { Prisma } from '@/lib/generated/prisma/client';

// Every change to an annotation is kept as an AnnotationEvent (shown on its card): what changed,
// from what, to what, by whom, when.
export type AnnotationEventKind =
  | 'created'
  | 'updated'
  | 'submitted'
  | 'approved'
  | 'changes_requested'
  | 'reopened'
  | 'deleted'
  | 'commented'
  | 'thread_resolved'
  | 'thread_reopened'
  | 'reanchored'
  | 'orphaned'
  // An approved verdict changed: the correction published in the article's corrections log.
  | 'corrected';

export async function recordAnnotationEvent(
  tx: Pick<Prisma.TransactionClient, 'annotationEvent'>,
  annotationId: string,
  actorId: string,
  kind: AnnotationEventKind,
  data: Prisma.InputJsonValue = {},
): Promise<void> {
  await tx.annotationEvent.create({ data: { annotationId, actorId, kind, data } });
}
