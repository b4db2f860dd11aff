import type { AnnotationSummary } from '@/lib/annotations/annotation-summary';

// The article page's list of annotations, kept in the server's text order (start ascending, then
// the longer passage first, then the older one). Updates reuse the objects that did not change,
// so that the side list and the highlights redraw only what did.

function sameSummary(a: AnnotationSummary, b: AnnotationSummary): boolean {
  return (
    a.id === b.id &&
    a.version === b.version &&
    a.status === b.status &&
    a.orphaned === b.orphaned &&
    a.commentCount === b.commentCount &&
    !!a.blind === !!b.blind &&
    a.target.start === b.target.start &&
    a.target.end === b.target.end &&
    a.target.exact === b.target.exact &&
    a.author.id === b.author.id &&
    a.author.name === b.author.name &&
    a.verdict?.key === b.verdict?.key &&
    a.verdict?.label === b.verdict?.label &&
    a.verdict?.color === b.verdict?.color
  );
}

/** `fresh` (as read from the server), with `current`'s objects where nothing changed; `current` itself if nothing did. */
export function mergeSummaries(current: AnnotationSummary[], fresh: AnnotationSummary[]): AnnotationSummary[] {
  const byId = new Map(current.map((a) => [a.id, a]));
  let changed = current.length !== fresh.length;
  const merged = fresh.map((a, i) => {
    const before = byId.get(a.id);
    if (before && sameSummary(before, a)) {
      if (current[i] !== before) changed = true;
      return before;
    }
    changed = true;
    return a;
  });
  return changed ? merged : current;
}

/** `list` with `annotation` in its place: replaced where it was, or inserted in text order after its equals. */
export function upsertSummary(list: AnnotationSummary[], annotation: AnnotationSummary): AnnotationSummary[] {
  const index = list.findIndex((a) => a.id === annotation.id);
  if (index >= 0 && list[index]!.target.start === annotation.target.start && list[index]!.target.end === annotation.target.end) {
    if (sameSummary(list[index]!, annotation)) return list;
    return list.with(index, annotation);
  }
  const rest = index >= 0 ? list.toSpliced(index, 1) : list;
  const { start, end } = annotation.target;
  const at = rest.findIndex((a) => a.target.start > start || (a.target.start === start && a.target.end < end));
  return at < 0 ? [...rest, annotation] : rest.toSpliced(at, 0, annotation);
}
