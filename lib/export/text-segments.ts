// Splits an article's text into runs of plain and highlighted text, one run per stretch covered by
// the same set of annotations, so that overlapping and nested passages render without nesting
// markup (a boundary sweep: every start and end offset cuts the text once).
import type { Report } from './report-model';

export interface HighlightRange {
  number: number;
  /** UTF-16 offsets, end exclusive. */
  start: number;
  end: number;
}

export interface TextSegment {
  start: number;
  end: number;
  text: string;
  /** Numbers of the annotations covering this run, ascending; empty for plain text. */
  numbers: number[];
  /** The shortest covering annotation (the later one on a tie): the one drawn on top. */
  innermost: number | null;
  /** Annotations whose passage starts with this run. */
  starting: number[];
  /** Annotations whose passage ends with this run: their reference marks follow it. */
  ending: number[];
}

export function segmentText(text: string, ranges: readonly HighlightRange[]): TextSegment[] {
  const opens = new Map<number, HighlightRange[]>();
  const closes = new Map<number, HighlightRange[]>();
  const cuts = new Set<number>([0, text.length]);
  for (const range of ranges) {
    const normalized = normalizeRange(text, range);
    if (!normalized) continue;
    pushTo(opens, normalized.start, normalized);
    pushTo(closes, normalized.end, normalized);
    cuts.add(normalized.start).add(normalized.end);
  }
  const offsets = [...cuts].sort((a, b) => a - b);
  const active = new Map<number, HighlightRange>();
  const segments: TextSegment[] = [];
  for (let i = 0; i + 1 < offsets.length; i += 1) {
    const start = offsets[i];
    const end = offsets[i + 1];
    for (const range of closes.get(start) ?? []) active.delete(range.number);
    for (const range of opens.get(start) ?? []) active.set(range.number, range);
    segments.push({
      start,
      end,
      text: text.slice(start, end),
      numbers: [...active.keys()].sort((a, b) => a - b),
      innermost: innermost(active.values()),
      starting: numbersOf(opens.get(start)),
      ending: numbersOf(closes.get(end)),
    });
  }
  return segments;
}

/**
 * Cuts segments at line breaks: one array of segments per non-empty line (paragraph). The line
 * breaks themselves are dropped; blank lines carry nothing, each format spaces paragraphs itself.
 */
export function splitIntoParagraphs(segments: readonly TextSegment[]): TextSegment[][] {
  const paragraphs: TextSegment[][] = [[]];
  for (const segment of segments) {
    const lines = segment.text.split('\n');
    let offset = segment.start;
    lines.forEach((line, index) => {
      if (index > 0) paragraphs.push([]);
      if (line.length > 0) {
        paragraphs[paragraphs.length - 1].push({
          ...segment,
          start: offset,
          end: offset + line.length,
          text: line,
          starting: index === 0 ? segment.starting : [],
          ending: index === lines.length - 1 ? segment.ending : [],
        });
      }
      offset += line.length + 1;
    });
  }
  return paragraphs.filter((paragraph) => paragraph.length > 0);
}

/** The report's article as paragraphs of segments, highlighting every annotation still anchored. */
export function articleParagraphs(report: Pick<Report, 'article' | 'annotations'>): TextSegment[][] {
  const ranges = report.annotations
    .filter((annotation) => !annotation.orphaned)
    .map((annotation) => ({ number: annotation.number, ...annotation.position }));
  return splitIntoParagraphs(segmentText(report.article.text, ranges));
}

function normalizeRange(text: string, range: HighlightRange): HighlightRange | null {
  let start = Math.max(0, Math.min(range.start, text.length));
  let end = Math.max(start, Math.min(range.end, text.length));
  // A cut between the halves of a surrogate pair would leave invalid UTF-16 in the output.
  if (isInsidePair(text, start)) start -= 1;
  if (isInsidePair(text, end)) end += 1;
  // Line breaks at the edges are invisible, and would put a reference mark on the next line.
  while (start < end && isLineBreak(text[start])) start += 1;
  while (end > start && isLineBreak(text[end - 1])) end -= 1;
  return end > start ? { number: range.number, start, end } : null;
}

function isInsidePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

function isLineBreak(char: string): boolean {
  return char === '\n' || char === '\r';
}

function innermost(ranges: Iterable<HighlightRange>): number | null {
  let best: HighlightRange | null = null;
  for (const range of ranges) {
    const length = range.end - range.start;
    const bestLength = best ? best.end - best.start : Infinity;
    if (!best || length < bestLength || (length === bestLength && range.number > best.number)) best = range;
  }
  return best?.number ?? null;
}

function numbersOf(ranges: HighlightRange[] | undefined): number[] {
  return (ranges ?? []).map((range) => range.number).sort((a, b) => a - b);
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
