import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCanOnOwned } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { publishArticleEvent } from '@/lib/events/article-events';
import { toAnnotationDto, type AnnotationDto } from '@/lib/annotations/annotation-dto';
import { recordAnnotationEvent } from '@/lib/annotations/annotation-history';
import { loadAnnotation, updateAtVersion } from '@/lib/annotations/load-annotation';
import { assertSubmittable, resolveVerdict } from '@/lib/annotations/resolve-verdict';
import type { UpdateAnnotationInput } from '@/lib/annotations/input-schemas';
import { usableEvidence } from '@/lib/evidence/evidence-files';

/**
 * Changes verdict, rationale and/or sources of the version the client saw. A stale version gets
 * 409 with the current state; nothing is overwritten silently.
 */
export async function updateAnnotation(user: CurrentUser, id: string, input: UpdateAnnotationInput): Promise<AnnotationDto> {
  const row = await db.$transaction(async (tx) => {
    const current = await loadAnnotation(tx, id);
    assertCanOnOwned(user, current.authorId, 'annotation:update:own', 'annotation:update:any');
    if (input.sources) await usableEvidence(user, input.sources.map((s) => s.evidenceId));

    const verdict = input.verdict === undefined ? current.verdict : await resolveVerdict(tx, input.verdict);
    const sourceCount = input.sources?.length ?? current.sources.length;
    // Submitted and approved work must stay submittable.
    if (current.status === 'SUBMITTED' || current.status === 'APPROVED') assertSubmittable(verdict, sourceCount);

    const changes: Record<string, { from: Prisma.InputJsonValue | null; to: Prisma.InputJsonValue | null }> = {};
    if (input.verdict !== undefined && input.verdict !== (current.verdict?.key ?? null)) {
      changes.verdict = { from: current.verdict?.label ?? null, to: verdict?.label ?? null };
    }
    if (input.rationale !== undefined && input.rationale !== current.rationale) {
      changes.rationale = { from: current.rationale, to: input.rationale };
    }
    if (input.sources !== undefined) {
      const before = current.sources.map((s) => s.url);
      const after = input.sources.map((s) => s.url);
      const comparable = (list: { url: string; title: string; publisher: string; excerpt: string; evidenceId?: string | null }[]) =>
        JSON.stringify(list.map(({ url, title, publisher, excerpt, evidenceId }) => ({ url, title, publisher, excerpt, evidenceId: evidenceId ?? null })));
      if (comparable(current.sources) !== comparable(input.sources)) {
        changes.sources = { from: before, to: after };
      }
    }
    // An approved verdict is public: changing it is a correction, with its reason on the record.
    const correctionNote = input.correctionNote?.trim() ?? '';
    const corrects = current.status === 'APPROVED' && changes.verdict !== undefined;
    if (corrects && !correctionNote) {
      throw new AppError('UNPROCESSABLE', "correctionNote: this verdict was approved; say why it changes (the note goes into the article's public corrections log)", {
        field: 'correctionNote',
      });
    }
    // A reviewer changing approved work sends it back for review; an editor's change keeps it.
    const reopens = current.status === 'APPROVED' && Object.keys(changes).length > 0 && !can(user.role, 'annotation:review');

    await updateAtVersion(tx, current, input.version, {
      verdictId: verdict?.id ?? null,
      rationale: input.rationale ?? current.rationale,
      ...(reopens ? { status: 'SUBMITTED', statusChangedById: user.id, statusChangedAt: new Date() } : {}),
    });
    if (input.sources !== undefined) {
      await tx.source.deleteMany({ where: { annotationId: id } });
      await tx.source.createMany({
        data: input.sources.map((source, position) => ({
          annotationId: id,
          position,
          url: source.url,
          title: source.title,
          publisher: source.publisher,
          excerpt: source.excerpt,
          accessedAt: source.accessedAt ? new Date(source.accessedAt) : null,
          evidenceId: source.evidenceId ?? null,
        })),
      });
    }
    await recordAnnotationEvent(tx, id, user.id, 'updated', { changes, ...(reopens ? { status: { from: 'APPROVED', to: 'SUBMITTED' } } : {}) });
    if (corrects) {
      await recordAnnotationEvent(tx, id, user.id, 'corrected', { verdict: changes.verdict!, note: correctionNote, quote: current.quoteExact });
    }
    const updated = await loadAnnotation(tx, id);
    await publishArticleEvent(tx, { type: 'annotation.changed', articleId: updated.articleId, annotationId: id, actorId: user.id, version: updated.version });
    return updated;
  });
  return toAnnotationDto(row);
}
