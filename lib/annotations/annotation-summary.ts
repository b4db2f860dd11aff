import type { Prisma } from '@/lib/generated/prisma/client';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';

// What the article page needs of every annotation to draw its highlight and its row in the side
// list. The rest (rationale, sources, who changed the status, the thread) is read with
// GET /api/annotations/:id when a card is opened: an article can carry thousands of annotations.
// An AnnotationDto is also an AnnotationSummary (a superset of its fields).
export interface AnnotationSummary {
  id: string;
  version: number;
  status: AnnotationDto['status'];
  orphaned: boolean;
  verdict: { key: string; label: string; color: string } | null;
  target: { exact: string; start: number; end: number };
  author: { id: string; name: string };
  commentCount: number;
  /** Blind review: its verdict is hidden from this viewer until they submit their own. */
  blind?: boolean;
}

export const annotationSummarySelect = {
  id: true,
  version: true,
  status: true,
  orphaned: true,
  authorId: true,
  quoteExact: true,
  positionStart: true,
  positionEnd: true,
  verdict: { select: { key: true, label: true, color: true } },
  author: { select: { id: true, name: true } },
  _count: { select: { comments: true } },
} satisfies Prisma.AnnotationSelect;

export type AnnotationSummaryRow = Prisma.AnnotationGetPayload<{ select: typeof annotationSummarySelect }>;

export function toAnnotationSummary(row: AnnotationSummaryRow): AnnotationSummary {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    orphaned: row.orphaned,
    verdict: row.verdict,
    target: { exact: row.quoteExact, start: row.positionStart, end: row.positionEnd },
    author: row.author,
    commentCount: row._count.comments,
  };
}

/** The summary of a full annotation (as the write routes answer), for the page's list. */
export function summarizeAnnotation(dto: AnnotationDto): AnnotationSummary {
  const summary: AnnotationSummary = {
    id: dto.id,
    version: dto.version,
    status: dto.status,
    orphaned: dto.orphaned,
    verdict: dto.verdict && { key: dto.verdict.key, label: dto.verdict.label, color: dto.verdict.color },
    target: { exact: dto.target.exact, start: dto.target.start, end: dto.target.end },
    author: dto.author,
    commentCount: dto.commentCount,
  };
  if (dto.blind) summary.blind = true;
  return summary;
}
