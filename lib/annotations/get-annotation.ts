import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import { toAnnotationDto, type AnnotationDto } from '@/lib/annotations/annotation-dto';
import { loadAnnotation } from '@/lib/annotations/load-annotation';
import { assertNotBlinded } from '@/lib/annotations/blind-review';

export interface AnnotationHistoryEntry {
  id: string;
  kind: string;
  data: unknown;
  actor: { id: string; name: string };
  createdAt: string;
}

export async function getAnnotation(user: CurrentUser, id: string): Promise<AnnotationDto> {
  assertCan(user, 'article:read');
  const row = await loadAnnotation(db, id);
  await assertNotBlinded(db, user, row);
  return toAnnotationDto(row);
}

export async function getAnnotationHistory(user: CurrentUser, id: string): Promise<AnnotationHistoryEntry[]> {
  assertCan(user, 'article:read');
  await assertNotBlinded(db, user, await loadAnnotation(db, id));
  const events = await db.annotationEvent.findMany({
    where: { annotationId: id },
    orderBy: { createdAt: 'asc' },
    include: { actor: { select: { id: true, name: true } } },
  });
  return events.map((e) => ({ id: e.id, kind: e.kind, data: e.data, actor: e.actor, createdAt: e.createdAt.toISOString() }));
}
