import { splitParagraphs } from './text-document';

// Mapping between offsets into an article's plain text and positions in the ProseMirror document
// that textToDoc builds from it (one paragraph per line). Paragraph k opens one position after
// paragraph k-1 closes, so each paragraph before k adds two positions (open + close) where the text
// has one newline: an offset in paragraph k sits at document position `offset + k + 1`.

export interface DocRange {
  from: number;
  to: number;
}

export interface TextRange {
  start: number;
  end: number;
}

/**
 * Which way a document position between two paragraphs resolves: to the end of the paragraph
 * before it (the newline's offset) or to the start of the paragraph after it.
 */
export type Bias = 'before' | 'after';

export interface OffsetMap {
  readonly paragraphCount: number;
  /** `doc.content.size` of the document: the largest valid position. */
  readonly docSize: number;
  /**
   * Offsets 0..text.length. The offset after a trailing newline, which has no paragraph of its
   * own, maps to the end of the last paragraph.
   */
  toDocPos(offset: number): number;
  /**
   * Positions 0..docSize. Positions outside paragraph content resolve to the nearest offset;
   * between two paragraphs `bias` decides (default 'after', like ProseMirror's Selection.near).
   */
  toTextOffset(pos: number, bias?: Bias): number;
  toDocRange(start: number, end: number): DocRange;
  /** Inverse of toDocRange; boundary positions resolve inward, so no newline is added at either end. */
  toTextRange(from: number, to: number): TextRange;
}

export function createOffsetMap(text: string): OffsetMap {
  const paragraphs = splitParagraphs(text);
  const paragraphCount = paragraphs.length;
  const lineStarts = new Array<number>(paragraphCount);
  const lineEnds = new Array<number>(paragraphCount);
  for (let k = 0, offset = 0; k < paragraphCount; k++) {
    lineStarts[k] = offset;
    lineEnds[k] = offset + paragraphs[k].length;
    offset = lineEnds[k] + 1;
  }
  const last = paragraphCount - 1;
  const docSize = lineEnds[last] + paragraphCount + 1;
  const contentStart = (k: number): number => lineStarts[k] + k + 1;

  function toDocPos(offset: number): number {
    assertInRange(offset, text.length, 'Text offset');
    const k = lastIndexAtOrBefore(paragraphCount, offset, (i) => lineStarts[i]);
    return Math.min(offset, lineEnds[k]) + k + 1;
  }

  function toTextOffset(pos: number, bias: Bias = 'after'): number {
    assertInRange(pos, docSize, 'Document position');
    if (pos < contentStart(0)) return 0;
    const k = lastIndexAtOrBefore(paragraphCount, pos, contentStart);
    const offset = pos - k - 1;
    if (offset <= lineEnds[k]) return offset;
    // `pos` is just after paragraph k closes.
    return k === last || bias === 'before' ? lineEnds[k] : lineStarts[k + 1];
  }

  function toDocRange(start: number, end: number): DocRange {
    if (start > end) throw new RangeError(`Text range [${start}, ${end}) ends before it starts`);
    return { from: toDocPos(start), to: toDocPos(end) };
  }

  function toTextRange(from: number, to: number): TextRange {
    if (from > to) throw new RangeError(`Document range [${from}, ${to}) ends before it starts`);
    const start = toTextOffset(from, 'after');
    // Both ends in the same gap between paragraphs resolve past each other; keep the range collapsed.
    return { start, end: Math.max(start, toTextOffset(to, 'before')) };
  }

  return { paragraphCount, docSize, toDocPos, toTextOffset, toDocRange, toTextRange };
}

// The editor converts many offsets of one text in a row; building the map once per text keeps each
// call O(log paragraphs). Comparing the same string instance is a pointer check.
let cached: { text: string; map: OffsetMap } | null = null;

function offsetMapFor(text: string): OffsetMap {
  if (cached?.text !== text) cached = { text, map: createOffsetMap(text) };
  return cached.map;
}

export function textOffsetToDocPos(text: string, offset: number): number {
  return offsetMapFor(text).toDocPos(offset);
}

export function docPosToTextOffset(text: string, pos: number, bias?: Bias): number {
  return offsetMapFor(text).toTextOffset(pos, bias);
}

export function rangeToDocRange(text: string, start: number, end: number): DocRange {
  return offsetMapFor(text).toDocRange(start, end);
}

export function docRangeToTextRange(text: string, from: number, to: number): TextRange {
  return offsetMapFor(text).toTextRange(from, to);
}

function assertInRange(value: number, max: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${what} ${value} is outside 0..${max}`);
  }
}

/** Binary search over an ascending sequence: the last index whose key is <= target (0 if none). */
function lastIndexAtOrBefore(length: number, target: number, keyAt: (index: number) => number): number {
  let low = 0;
  let high = length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (keyAt(mid) <= target) low = mid;
    else high = mid - 1;
  }
  return low;
}
