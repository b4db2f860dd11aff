import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';

export type AuditAction =
  | 'login.success'
  | 'login.failure'
  | 'login.lockout'
  | 'annotation.created'
  | 'annotation.deleted'
  | 'annotation.approved'
  | 'annotation.changes_requested'
  | 'export'
  | 'user.created'
  | 'user.updated'
  | 'user.role_changed'
  | 'user.deactivated'
  | 'user.reactivated'
  | 'user.password_reset'
  | 'invitation.accepted'
  | 'password.changed'
  | 'api_token.created'
  | 'api_token.revoked'
  | 'article.blind_review_on'
  | 'article.blind_review_off';

export interface AuditEventInput {
  actorId: string | null;
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  ip?: string | null;
  data?: Prisma.InputJsonValue;
}

type Tx = Pick<Prisma.TransactionClient, 'auditEvent'>;

/** Appends to the audit log (rows are never updated or deleted). Pass `tx` to join a transaction. */
export async function recordAuditEvent(event: AuditEventInput, tx: Tx = db): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: event.actorId,
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId,
      ip: event.ip ?? null,
      data: event.data,
    },
  });
}
