import type { Prisma } from '@/lib/generated/prisma/client';
import { evidenceSelect, toEvidenceDto, type EvidenceDto } from '@/lib/evidence/evidence-dto';

// What the API and the UI see of an annotation. Selectors are over the article's plain text,
// offsets in UTF-16 code units.
export const annotationInclude = {
  verdict: { select: { id: true, key: true, label: true, color: true, ratingValue: true, requiresSource: true } },
  author: { select: { id: true, name: true } },
  statusChangedBy: { select: { id: true, name: true } },
  threadResolvedBy: { select: { id: true, name: true } },
  sources: { orderBy: { position: 'asc' }, include: { evidence: { select: evidenceSelect } } },
  _count: { select: { comments: true } },
} satisfies Prisma.AnnotationInclude;

export type AnnotationRow = Prisma.AnnotationGetPayload<{ include: typeof annotationInclude }>;

export interface AnnotationDto {
  id: string;
  articleId: string;
  version: number;
  status: AnnotationRow['status'];
  orphaned: boolean;
  verdict: { key: string; label: string; color: string; ratingValue: number; requiresSource: boolean } | null;
  rationale: string;
  target: { exact: string; prefix: string; suffix: string; start: number; end: number };
  author: { id: string; name: string };
  statusChangedBy: { id: string; name: string } | null;
  statusChangedAt: string | null;
  threadResolvedBy: { id: string; name: string } | null;
  threadResolvedAt: string | null;
  sources: { id: string; url: string; title: string; publisher: string; excerpt: string; accessedAt: string | null; evidence: EvidenceDto | null }[];
  commentCount: number;
  createdAt: string;
  updatedAt: string;
  /** Blind review: its verdict and details are hidden from this viewer until they submit their own. */
  blind?: boolean;
}

export function toAnnotationDto(row: AnnotationRow): AnnotationDto {
  return {
    id: row.id,
    articleId: row.articleId,
    version: row.version,
    status: row.status,
    orphaned: row.orphaned,
    verdict: row.verdict && { key: row.verdict.key, label: row.verdict.label, color: row.verdict.color, ratingValue: row.verdict.ratingValue, requiresSource: row.verdict.requiresSource },
    rationale: row.rationale,
    target: { exact: row.quoteExact, prefix: row.quotePrefix, suffix: row.quoteSuffix, start: row.positionStart, end: row.positionEnd },
    author: row.author,
    statusChangedBy: row.statusChangedBy,
    statusChangedAt: row.statusChangedAt?.toISOString() ?? null,
    threadResolvedBy: row.threadResolvedBy,
    threadResolvedAt: row.threadResolvedAt?.toISOString() ?? null,
    sources: row.sources.map(toSourceDto),
    commentCount: row._count.comments,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

type SourceRow = AnnotationRow['sources'][number];

/** A source as the API shows it: the access date as YYYY-MM-DD, the evidence file described. */
export function toSourceDto(s: SourceRow): AnnotationDto['sources'][number] {
  return {
    id: s.id,
    url: s.url,
    title: s.title,
    publisher: s.publisher,
    excerpt: s.excerpt,
    accessedAt: s.accessedAt ? s.accessedAt.toISOString().slice(0, 10) : null,
    evidence: s.evidence ? toEvidenceDto(s.evidence) : null,
  };
}
