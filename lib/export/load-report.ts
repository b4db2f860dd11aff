import { plainRationale } from '@/lib/annotations/plain-rationale';
import { evidencePath, evidenceSelect } from '@/lib/evidence/evidence-dto';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { buildReport, type Report, type ReportOptions } from '@/lib/export/report-model';
import type { ExportFormat } from '@/lib/export/index';
import { listCorrections, reportCorrection } from '@/lib/articles/list-corrections';
import { env } from '@/lib/env';
import { defaultPublisherName } from '@/lib/export/to-json-ld';

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
  const { rows, sources, comments, verdicts, people, evidence } = await readAnnotations(articleId, options);
  // Every report carries the article's corrections log, whatever it includes otherwise.
  const corrections = await listCorrections(user, articleId);
  await recordAuditEvent({ actorId: user.id, action: 'export', targetType: 'article', targetId: articleId, ip, data: { format, ...options } });
  return buildReport({
    article,
    options,
    generatedAt: new Date(),
    generatedBy: { name: user.name },
    baseUrl,
    corrections: corrections.map(reportCorrection),
    publisher: { name: env().PUBLISHER_NAME ?? defaultPublisherName, url: env().PUBLISHER_URL ?? baseUrl },
    annotations: rows.map((row) => ({
      id: row.id,
      quote: { exact: row.quoteExact, prefix: row.quotePrefix, suffix: row.quoteSuffix },
      position: { start: row.positionStart, end: row.positionEnd },
      orphaned: row.orphaned,
      verdict: row.verdictId ? (verdicts.get(row.verdictId) ?? null) : null,
      rationale: plainRationale(row.rationale),
      status: row.status,
      author: person(people, row.authorId),
      approver: approver(people, row.status === 'APPROVED' ? row.statusChangedById : null),
      approvedAt: row.status === 'APPROVED' ? row.statusChangedAt : null,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      sources: (sources.get(row.id) ?? []).map((s) => {
        const file = s.evidenceId ? evidence.get(s.evidenceId) : undefined;
        return {
          url: s.url,
          title: s.title,
          publisher: s.publisher,
          excerpt: s.excerpt,
          accessedAt: s.accessedAt,
          evidence: file ? { ...file, url: `${baseUrl}${evidencePath(file.id)}` } : null,
        };
      }),
      comments: (comments.get(row.id) ?? []).map((c) => ({ author: person(people, c.authorId).name, body: c.body, createdAt: c.createdAt })),
    })),
  });
}

/**
 * The annotations of the report and what they refer to, in flat queries joined here by id: one
 * nested Prisma read (verdict, author, approver, sources with evidence, comments) cost the server
 * about three times the CPU for a report of 2,000 annotations, mostly in building the nested rows.
 */
async function readAnnotations(articleId: string, options: ReportOptions) {
  const where = { articleId, deletedAt: null, ...(options.approvedOnly ? { status: 'APPROVED' as const } : {}) };
  const [rows, sourceRows, commentRows] = await Promise.all([
    db.annotation.findMany({
      where,
      select: {
        id: true,
        quoteExact: true,
        quotePrefix: true,
        quoteSuffix: true,
        positionStart: true,
        positionEnd: true,
        orphaned: true,
        verdictId: true,
        rationale: true,
        status: true,
        authorId: true,
        statusChangedById: true,
        statusChangedAt: true,
        createdAt: true,
        updatedAt: true,
      },
    }),
    db.source.findMany({
      where: { annotation: where },
      orderBy: [{ annotationId: 'asc' }, { position: 'asc' }],
      select: { annotationId: true, url: true, title: true, publisher: true, excerpt: true, accessedAt: true, evidenceId: true },
    }),
    options.includeComments
      ? db.comment.findMany({
          where: { annotation: where },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          select: { annotationId: true, authorId: true, body: true, createdAt: true },
        })
      : [],
  ]);
  const personIds = new Set<string>();
  const verdictIds = new Set<string>();
  for (const row of rows) {
    personIds.add(row.authorId);
    if (row.statusChangedById) personIds.add(row.statusChangedById);
    if (row.verdictId) verdictIds.add(row.verdictId);
  }
  for (const comment of commentRows) personIds.add(comment.authorId);
  const evidenceIds = [...new Set(sourceRows.flatMap((source) => (source.evidenceId ? [source.evidenceId] : [])))];
  const [verdictRows, personRows, evidenceRows] = await Promise.all([
    db.verdict.findMany({ where: { id: { in: [...verdictIds] } }, select: { id: true, key: true, label: true, color: true, ratingValue: true } }),
    db.user.findMany({ where: { id: { in: [...personIds] } }, select: { id: true, name: true, email: true } }),
    evidenceIds.length > 0 ? db.evidenceFile.findMany({ where: { id: { in: evidenceIds } }, select: evidenceSelect }) : [],
  ]);
  return {
    rows,
    sources: groupBy(sourceRows, (source) => source.annotationId),
    comments: groupBy(commentRows, (comment) => comment.annotationId),
    verdicts: new Map(verdictRows.map(({ id, ...verdict }) => [id, verdict])),
    people: new Map(personRows.map(({ id, ...person }) => [id, person])),
    evidence: new Map(evidenceRows.map((file) => [file.id, file])),
  };
}

function person(people: Map<string, { name: string; email: string }>, id: string): { name: string; email: string } {
  const found = people.get(id);
  // Users are never deleted while they wrote annotations or comments (the relations restrict it).
  if (!found) throw new Error(`report: no user ${id}`);
  return found;
}

/** Who approved: none when not approved, or when that user is gone (the relation sets null). */
function approver(people: Map<string, { name: string; email: string }>, id: string | null): { name: string } | null {
  const found = id ? people.get(id) : undefined;
  return found ? { name: found.name } : null;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
