// Where reviewers' ratings of the same passage meet: clusters of overlapping annotations, the
// clusters in which two reviewers disagree, and the reliability data (one unit per cluster, one
// coder per reviewer) for Krippendorff's alpha. Pure: offsets in, groups out.
import type { ReliabilityUnit } from '@/lib/review/krippendorff-alpha';

export interface RatedSpan {
  id: string;
  authorId: string;
  /** TextPositionSelector over the article text (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
  /** Verdict key. */
  verdict: string;
}

export interface OverlapCluster<T extends RatedSpan> {
  start: number;
  end: number;
  /** In text order (start, then longer first), as given among equals. */
  spans: T[];
}

/** Two passages overlap when they share at least one character (touching ends do not). */
export function spansOverlap(a: Pick<RatedSpan, 'start' | 'end'>, b: Pick<RatedSpan, 'start' | 'end'>): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Connected groups of overlapping spans: A overlaps B and B overlaps C puts A, B and C in one
 * cluster even when A and C do not meet. A span alone is a cluster of one.
 */
export function overlapClusters<T extends RatedSpan>(spans: readonly T[]): OverlapCluster<T>[] {
  const sorted = spans
    .filter((s) => s.end > s.start)
    .map((span, index) => ({ span, index }))
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end || a.index - b.index)
    .map(({ span }) => span);
  const clusters: OverlapCluster<T>[] = [];
  for (const span of sorted) {
    const current = clusters.at(-1);
    // Sorted by start, a span joins the open cluster exactly when it begins before that cluster
    // ends (some member reaches past its start, so they share a character).
    if (current && span.start < current.end) {
      current.spans.push(span);
      current.end = Math.max(current.end, span.end);
    } else {
      clusters.push({ start: span.start, end: span.end, spans: [span] });
    }
  }
  return clusters;
}

/**
 * Clusters in which two different reviewers rated overlapping passages with different verdicts.
 * The whole cluster is returned, so the disagreeing ratings are seen beside those around them.
 */
export function findDisagreementClusters<T extends RatedSpan>(spans: readonly T[]): OverlapCluster<T>[] {
  return overlapClusters(spans).filter(({ spans: members }) =>
    members.some((a, i) => members.slice(i + 1).some((b) => a.authorId !== b.authorId && a.verdict !== b.verdict && spansOverlap(a, b))),
  );
}

/**
 * Reliability data for Krippendorff's alpha: one unit per overlap cluster, one value per reviewer
 * who rated inside it. A reviewer with several annotations in one cluster counts once, with the
 * verdict of their longest one there (the first of equals, in text order).
 */
export function reliabilityUnits<T extends RatedSpan>(clusters: readonly OverlapCluster<T>[]): ReliabilityUnit[] {
  return clusters.map(({ spans: members }) => {
    const byReviewer = new Map<string, T>();
    for (const span of members) {
      const chosen = byReviewer.get(span.authorId);
      if (!chosen || span.end - span.start > chosen.end - chosen.start) byReviewer.set(span.authorId, span);
    }
    return [...byReviewer.values()].map((span) => span.verdict);
  });
}
