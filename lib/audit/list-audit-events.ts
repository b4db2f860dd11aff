import { z } from 'zod';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';

// A date (YYYY-MM-DD, a whole UTC day) or an instant (ISO 8601 with offset).
const day = z.iso.date();
const instant = z.iso.datetime({ offset: true });
const dateOrInstant = z.union([day, instant], 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time');

export const auditQuery = z
  .strictObject({
    /** A user id, or part of the actor's e-mail or name. */
    actor: z.string().trim().min(1).max(320, 'must be at most 320 characters').optional(),
    action: z.string().trim().min(1).max(64, 'must be at most 64 characters').optional(),
    from: dateOrInstant.optional(),
    to: dateOrInstant.optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number('must be a number').int().min(1, 'must be 1 or more').max(200, 'must be at most 200').default(50),
  })
  .refine((q) => !q.from || !q.to || start(q.from) <= end(q.to), { path: ['to'], message: 'must not be before from' });
export type AuditQuery = z.input<typeof auditQuery>;

export interface AuditEventDto {
  id: string;
  createdAt: string;
  action: string;
  actor: { id: string; name: string; email: string } | null;
  targetType: string | null;
  targetId: string | null;
  /** The target's name and e-mail when it is a user. */
  target: { name: string; email: string } | null;
  ip: string | null;
  data: unknown;
}

export interface AuditPage {
  events: AuditEventDto[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/**
 * The audit log, newest first, filtered by actor, action and date range, a page at a time. The
 * cursor is the position of the last row shown, so rows written meanwhile never shift a page.
 * Admins only.
 */
export async function listAuditEvents(user: CurrentUser, input: AuditQuery = {}): Promise<AuditPage> {
  assertCan(user, 'audit:read');
  const query = auditQuery.parse(input);
  const and: Prisma.AuditEventWhereInput[] = [];
  if (query.actor) {
    and.push({
      OR: [
        { actorId: query.actor },
        { actor: { is: { email: { contains: query.actor, mode: 'insensitive' } } } },
        { actor: { is: { name: { contains: query.actor, mode: 'insensitive' } } } },
      ],
    });
  }
  if (query.action) and.push({ action: query.action });
  if (query.from) and.push({ createdAt: { gte: start(query.from) } });
  if (query.to) and.push({ createdAt: { lte: end(query.to) } });
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    and.push({ OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] });
  }

  const rows = await db.auditEvent.findMany({
    where: { AND: and },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
    include: { actor: { select: { id: true, name: true, email: true } } },
  });
  const page = rows.slice(0, query.limit);
  const userIds = [...new Set(page.filter((row) => row.targetType === 'user' && row.targetId).map((row) => row.targetId!))];
  const targets = new Map(
    (await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } })).map((u) => [u.id, u]),
  );
  const last = page.at(-1);
  return {
    events: page.map((row) => {
      const target = row.targetType === 'user' && row.targetId ? targets.get(row.targetId) : undefined;
      return {
        id: row.id,
        createdAt: row.createdAt.toISOString(),
        action: row.action,
        actor: row.actor,
        targetType: row.targetType,
        targetId: row.targetId,
        target: target ? { name: target.name, email: target.email } : null,
        ip: row.ip,
        data: row.data,
      };
    }),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}

function start(value: string): Date {
  return new Date(day.safeParse(value).success ? `${value}T00:00:00.000Z` : value);
}

function end(value: string): Date {
  return new Date(day.safeParse(value).success ? `${value}T23:59:59.999Z` : value);
}

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [time, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(time ?? '');
  if (!id || Number.isNaN(createdAt.getTime())) {
    throw new AppError('UNPROCESSABLE', 'cursor: is not a cursor this API gave out', { field: 'cursor' });
  }
  return { createdAt, id };
}
