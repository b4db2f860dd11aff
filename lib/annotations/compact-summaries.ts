import type { AnnotationSummary } from '@/lib/annotations/annotation-summary';

// The article page's list of annotation summaries as it crosses from the server component to the
// browser, in a compact form: verdicts, authors and statuses once each in tables and referred to
// by index, each annotation one array, and its passage left out where the article's text has it
// at its offsets (the browser has that text anyway). With thousands of annotations the page's HTML
// (where the list is embedded, escaped) and the work of parsing it shrink to a fraction.
// `decodeSummaries` gives back exactly the AnnotationSummary[] that was encoded.

type Verdict = NonNullable<AnnotationSummary['verdict']>;

/**
 * [id, version, status index, verdict index (-1: none), author index, start, end, comment count,
 * flags (1: orphaned, 2: blind), and the passage when the text does not have it at its offsets].
 */
type Row = [string, number, number, number, number, number, number, number, number] | [string, number, number, number, number, number, number, number, number, string];

export interface CompactSummaries {
  statuses: AnnotationSummary['status'][];
  verdicts: Verdict[];
  authors: AnnotationSummary['author'][];
  rows: Row[];
}

const ORPHANED = 1;
const BLIND = 2;

/** A table of distinct values, each given the index of its first appearance. */
function table<T>(keyOf: (value: T) => string) {
  const values: T[] = [];
  const index = new Map<string, number>();
  return {
    values,
    indexOf(value: T): number {
      const key = keyOf(value);
      let at = index.get(key);
      if (at === undefined) {
        at = values.push(value) - 1;
        index.set(key, at);
      }
      return at;
    },
  };
}

/** `summaries` (of an article whose text is `text`) in the compact form. */
export function encodeSummaries(summaries: AnnotationSummary[], text: string): CompactSummaries {
  const statuses = table<AnnotationSummary['status']>((s) => s);
  // Keyed by every field: a verdict relabelled or recoloured is still told apart.
  const verdicts = table<Verdict>((v) => JSON.stringify([v.key, v.label, v.color]));
  const authors = table<AnnotationSummary['author']>((a) => JSON.stringify([a.id, a.name]));
  const rows = summaries.map((a): Row => {
    const { start, end, exact } = a.target;
    const row: Row = [
      a.id,
      a.version,
      statuses.indexOf(a.status),
      a.verdict ? verdicts.indexOf({ key: a.verdict.key, label: a.verdict.label, color: a.verdict.color }) : -1,
      authors.indexOf({ id: a.author.id, name: a.author.name }),
      start,
      end,
      a.commentCount,
      (a.orphaned ? ORPHANED : 0) | (a.blind ? BLIND : 0),
    ];
    // The passage is sent only where the text has something else at its offsets (an orphan, or an
    // anchor not yet updated after a correction).
    if (!(start >= 0 && start <= end && end <= text.length && text.slice(start, end) === exact)) row.push(exact);
    return row;
  });
  return { statuses: statuses.values, verdicts: verdicts.values, authors: authors.values, rows };
}

/** The summaries `encodeSummaries(summaries, text)` was given. */
export function decodeSummaries(compact: CompactSummaries, text: string): AnnotationSummary[] {
  const { statuses, verdicts, authors } = compact;
  return compact.rows.map(([id, version, status, verdict, author, start, end, commentCount, flags, exact]) => {
    const summary: AnnotationSummary = {
      id,
      version,
      status: statuses[status]!,
      orphaned: (flags & ORPHANED) !== 0,
      // Shared between the annotations with the same verdict (and author): nothing changes them in place.
      verdict: verdict < 0 ? null : verdicts[verdict]!,
      target: { exact: exact ?? text.slice(start, end), start, end },
      author: authors[author]!,
      commentCount,
    };
    if (flags & BLIND) summary.blind = true;
    return summary;
  });
}
