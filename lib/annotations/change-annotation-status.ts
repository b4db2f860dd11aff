import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan, assertCanOnOwned } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { publishArticleEvent } from '@/lib/events/article-events';
import { recordNotifications } from '@/lib/notifications/record-notifications';
import type { AnnotationStatus } from '@/lib/generated/prisma/enums';
import { toAnnotationDto, type AnnotationDto, type AnnotationRow } from '@/lib/annotations/annotation-dto';
import { recordAnnotationEvent, type AnnotationEventKind } from '@/lib/annotations/annotation-history';
import { loadAnnotation, updateAtVersion } from '@/lib/annotations/load-annotation';
import { assertSubmittable } from '@/lib/annotations/resolve-verdict';
import type { StatusAction } from '@/lib/annotations/input-schemas';

// The review workflow: draft → submitted → approved, or changes requested (editors and admins
// decide); the author resubmits; an editor can reopen an approved annotation.
const transitions: Record<StatusAction, { from: AnnotationStatus[]; to: AnnotationStatus; kind: AnnotationEventKind; verb: string }> = {
  submit: { from: ['DRAFT', 'CHANGES_REQUESTED'], to: 'SUBMITTED', kind: 'submitted', verb: 'submit' },
  approve: { from: ['SUBMITTED'], to: 'APPROVED', kind: 'approved', verb: 'approve' },
  request_changes: { from: ['SUBMITTED', 'APPROVED'], to: 'CHANGES_REQUESTED', kind: 'changes_requested', verb: 'send back' },
  reopen: { from: ['APPROVED', 'CHANGES_REQUESTED'], to: 'SUBMITTED', kind: 'reopened', verb: 'reopen' },
};

const statusName: Record<AnnotationStatus, string> = {
  DRAFT: 'a draft',
  SUBMITTED: 'a submitted annotation',
  APPROVED: 'an approved annotation',
  CHANGES_REQUESTED: 'an annotation with changes requested',
};

function assertAllowed(user: CurrentUser, action: StatusAction, current: AnnotationRow): void {
  if (action === 'submit') assertCanOnOwned(user, current.authorId, 'annotation:submit:own', 'annotation:update:any');
  else assertCan(user, 'annotation:review');
}

export async function changeAnnotationStatus(
  user: CurrentUser,
  id: string,
  action: StatusAction,
  version: number,
  note?: string,
  ip: string | null = null,
): Promise<AnnotationDto> {
  const transition = transitions[action];
  const row = await db.$transaction(async (tx) => {
    const current = await loadAnnotation(tx, id);
    assertAllowed(user, action, current);
    if (!transition.from.includes(current.status)) {
      throw new AppError('CONFLICT', `status: cannot ${transition.verb} ${statusName[current.status]}`, { field: 'status', current: toAnnotationDto(current) });
    }
    if (action === 'submit') assertSubmittable(current.verdict, current.sources.length);
    await updateAtVersion(tx, current, version, { status: transition.to, statusChangedById: user.id, statusChangedAt: new Date() });
    await recordAnnotationEvent(tx, id, user.id, transition.kind, { from: current.status, to: transition.to, ...(note ? { note } : {}) });
    if (action === 'approve' || action === 'request_changes') {
      await recordAuditEvent(
        { actorId: user.id, action: action === 'approve' ? 'annotation.approved' : 'annotation.changes_requested', targetType: 'annotation', targetId: id, ip },
        tx,
      );
    }
    if (action === 'approve' || action === 'request_changes') {
      await recordNotifications(tx, [
        { userId: current.authorId, kind: action === 'approve' ? 'approved' : 'changes_requested', actorId: user.id, articleId: current.articleId, annotationId: id, excerpt: note ?? current.quoteExact },
      ]);
    }
    const updated = await loadAnnotation(tx, id);
    await publishArticleEvent(tx, { type: 'annotation.changed', articleId: updated.articleId, annotationId: id, actorId: user.id, version: updated.version });
    return updated;
  });
  return toAnnotationDto(row);
}
