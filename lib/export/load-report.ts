import { plainRationale } from '@/lib/annotations/plain-rationale';
import { evidencePath, evidenceSelect } from '@/lib/evidence/evidence-dto';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { buildReport, type Report, type ReportOptions } from '@/lib/export/report-model';
import type { ExportFormat } from '@/lib/export/index';
import { describeCorrection, listCorrections } from '@/lib/articles/list-corrections';

/**
 * Loads an article and its live annotations into the report model every export format renders,
 * and records the export in the audit log (editors and admins only).
 */
export async function loadReport(
  user: CurrentUser,
  articleId: string,
  options: ReportOptions,
  format: ExportFormat,
  baseUrl: string,
  ip: string | null = null,
): Promise<Report> {
  assertCan(user, 'export:create');
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: { id: true, slug: true, title: true, outlet: true, author: true, url: true, publishedAt: true, text: true },
  });
  if (!article) throw new AppError('NOT_FOUND', 'No such article.');
  const rows = await db.annotation.findMany({
    where: { articleId, deletedAt: null, ...(options.approvedOnly ? { status: 'APPROVED' } : {}) },
    include: {
      verdict: { select: { key: true, label: true, color: true, ratingValue: true } },
      author: { select: { name: true, email: true } },
      statusChangedBy: { select: { name: true } },
      sources: { orderBy: { position: 'asc' }, include: { evidence: { select: evidenceSelect } } },
      comments: options.includeComments ? { orderBy: { createdAt: 'asc' }, include: { author: { select: { name: true } } } } : { take: 0, include: { author: { select: { name: true } } } },
    },
  });
  // Every report carries the article's corrections log, whatever it includes otherwise.
  const corrections = await listCorrections(user, articleId);
  await recordAuditEvent({ actorId: user.id, action: 'export', targetType: 'article', targetId: articleId, ip, data: { format, ...options } });
  return buildReport({
    article,
    options,
    generatedAt: new Date(),
    generatedBy: { name: user.name },
    baseUrl,
    corrections: corrections.map((correction) => ({ at: correction.at, by: correction.by, text: describeCorrection(correction) })),
    annotations: rows.map((row) => ({
      id: row.id,
      quote: { exact: row.quoteExact, prefix: row.quotePrefix, suffix: row.quoteSuffix },
      position: { start: row.positionStart, end: row.positionEnd },
      orphaned: row.orphaned,
      verdict: row.verdict,
      rationale: plainRationale(row.rationale),
      status: row.status,
      author: row.author,
      approver: row.status === 'APPROVED' ? row.statusChangedBy : null,
      approvedAt: row.status === 'APPROVED' ? row.statusChangedAt : null,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      sources: row.sources.map((s) => ({
        url: s.url,
        title: s.title,
        publisher: s.publisher,
        excerpt: s.excerpt,
        accessedAt: s.accessedAt,
        evidence: s.evidence && { ...s.evidence, url: `${baseUrl}${evidencePath(s.evidence.id)}` },
      })),
      comments: row.comments.map((c) => ({ author: c.author.name, body: c.body, createdAt: c.createdAt })),
    })),
  });
}
