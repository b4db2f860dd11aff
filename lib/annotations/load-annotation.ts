import type { Prisma } from '@/lib/generated/prisma/client';
import { AppError } from '@/lib/errors';
import { annotationInclude, toAnnotationDto, type AnnotationRow } from '@/lib/annotations/annotation-dto';

type Tx = Pick<Prisma.TransactionClient, 'annotation'>;

/** The live (not deleted) annotation, or 404. */
export async function loadAnnotation(tx: Tx, id: string): Promise<AnnotationRow> {
  const row = await tx.annotation.findFirst({ where: { id, deletedAt: null }, include: annotationInclude });
  if (!row) throw new AppError('NOT_FOUND', 'No such annotation (it may have been deleted).');
  return row;
}

/** 409 carrying the current state, so the client can offer to reload or re-apply. */
export function staleVersion(current: AnnotationRow, seen: number): AppError {
  return new AppError(
    'CONFLICT',
    `version: someone else changed this annotation (you saw version ${seen}, it is now version ${current.version})`,
    { field: 'version', current: toAnnotationDto(current) },
  );
}

/** Applies `data` only if the row is still at `version` (optimistic locking); 409 otherwise. */
export async function updateAtVersion(
  tx: Tx,
  current: AnnotationRow,
  version: number,
  data: Prisma.AnnotationUncheckedUpdateManyInput,
): Promise<void> {
  if (current.version !== version) throw staleVersion(current, version);
  const { count } = await tx.annotation.updateMany({ where: { id: current.id, version }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) throw staleVersion(await loadAnnotation(tx, current.id), version);
}
