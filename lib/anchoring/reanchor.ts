import search from 'approx-string-match';
import { splitsSurrogatePair } from './selectors';

// Finding a stored anchor again in a (possibly edited) text. Strategies from cheapest and most
// certain to most expensive, after hypothesis/client's anchoring (html.js, match-quote.js).

/** An anchor as stored: the quote selector's fields plus the position selector's offsets. */
export interface StoredAnchor {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export type ReanchorResult =
  | { status: 'exact-position' | 'quote' | 'fuzzy'; start: number; end: number }
  | { status: 'orphaned' };

/**
 * Cap on the edits the fuzzy search tolerates, as in hypothesis (the search costs
 * O(text length × maxErrors / 32)). Quotes longer than 512 code units are simply held to this cap
 * rather than to half their length: a long quote that lost more than 256 characters is better
 * reported orphaned than attached to a guess.
 */
export const MAX_FUZZY_ERRORS = 256;

const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const MIN_QUOTE_SIMILARITY = 0.5;
/**
 * Hypothesis takes the best fuzzy candidate whatever its score, so a deleted quote lands on any
 * passage sharing half its characters. In random trials on the seed article with this threshold,
 * about 1 in 5,000 deleted quotes (4 to 84 characters) still found a place, while about 99% of
 * quotes with up to a fifth of their characters edited were found, also when their context was
 * edited as well.
 */
const MIN_FUZZY_SCORE = 0.7;

export function reanchor(text: string, anchor: StoredAnchor): ReanchorResult {
  const { exact } = anchor;
  if (exact.length === 0 || text.length === 0) return { status: 'orphaned' };

  if (isAtStoredPosition(text, anchor)) {
    return { status: 'exact-position', start: anchor.start, end: anchor.end };
  }

  const occurrences = findExactOccurrences(text, exact);
  if (occurrences.length > 0) {
    const start = bestOccurrence(text, anchor, occurrences);
    return { status: 'quote', start, end: start + exact.length };
  }

  const fuzzy = bestFuzzyMatch(text, anchor);
  return fuzzy ? { status: 'fuzzy', ...fuzzy } : { status: 'orphaned' };
}

/** Re-anchors each anchor independently; results are in the order of `anchors`. */
export function reanchorAll(text: string, anchors: readonly StoredAnchor[]): ReanchorResult[] {
  return anchors.map((anchor) => reanchor(text, anchor));
}

function isAtStoredPosition(text: string, { exact, start, end }: StoredAnchor): boolean {
  return (
    Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= text.length && text.slice(start, end) === exact
  );
}

function findExactOccurrences(text: string, exact: string): number[] {
  const starts: number[] = [];
  // Step by one, not by the quote's length: overlapping occurrences ("aa" in "aaa") are distinct candidates.
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) starts.push(at);
  return starts;
}

/** Among exact occurrences of the quote, the one whose surroundings best match the stored context. */
function bestOccurrence(text: string, anchor: StoredAnchor, starts: number[]): number {
  let best = starts[0];
  let bestScore = -Infinity;
  for (const start of starts) {
    const end = start + anchor.exact.length;
    const score =
      PREFIX_WEIGHT * prefixAgreement(text, start, anchor.prefix) +
      SUFFIX_WEIGHT * suffixAgreement(text, end, anchor.suffix) +
      POSITION_WEIGHT * positionScore(text, start, anchor.start);
    if (score > bestScore) {
      best = start;
      bestScore = score;
    }
  }
  return best;
}

/** Share of the prefix that agrees with the text before `start`, counted from the quote outward. */
function prefixAgreement(text: string, start: number, prefix: string): number {
  if (prefix.length === 0) return 1;
  let agreeing = 0;
  while (
    agreeing < prefix.length &&
    agreeing < start &&
    text.charCodeAt(start - 1 - agreeing) === prefix.charCodeAt(prefix.length - 1 - agreeing)
  ) {
    agreeing += 1;
  }
  return agreeing / prefix.length;
}

/** Share of the suffix that agrees with the text from `end`, counted from the quote outward. */
function suffixAgreement(text: string, end: number, suffix: string): number {
  if (suffix.length === 0) return 1;
  let agreeing = 0;
  while (
    agreeing < suffix.length &&
    end + agreeing < text.length &&
    text.charCodeAt(end + agreeing) === suffix.charCodeAt(agreeing)
  ) {
    agreeing += 1;
  }
  return agreeing / suffix.length;
}

function positionScore(text: string, start: number, expectedStart: number): number {
  if (!Number.isFinite(expectedStart)) return 0;
  return Math.max(0, 1 - Math.abs(start - expectedStart) / text.length);
}

function bestFuzzyMatch(text: string, anchor: StoredAnchor): { start: number; end: number } | null {
  const { exact, prefix, suffix } = anchor;
  const maxErrors = Math.min(Math.floor(exact.length / 2), MAX_FUZZY_ERRORS);
  // With no errors allowed the fuzzy search is the exact search, which already failed.
  if (maxErrors === 0) return null;

  let best: { start: number; end: number } | null = null;
  let bestScore = -Infinity;
  for (const match of search(text, exact, maxErrors)) {
    const quoteSimilarity = 1 - match.errors / exact.length;
    if (quoteSimilarity < MIN_QUOTE_SIMILARITY) continue;
    const score = weightedMean([
      [QUOTE_WEIGHT, quoteSimilarity],
      [PREFIX_WEIGHT, prefix ? similarity(text.slice(Math.max(0, match.start - prefix.length), match.start), prefix) : null],
      [SUFFIX_WEIGHT, suffix ? similarity(text.slice(match.end, match.end + suffix.length), suffix) : null],
      [POSITION_WEIGHT, positionScore(text, match.start, anchor.start)],
    ]);
    if (score >= MIN_FUZZY_SCORE && score > bestScore) {
      best = wholeCharacters(text, match.start, match.end);
      bestScore = score;
    }
  }
  return best;
}

/**
 * Weighted mean of the scores, from 0 to 1. An empty stored context (the quote was at the start or
 * the end of the text) is no evidence either way, so it is left out rather than counted as agreeing:
 * otherwise a quote with no context on either side would need only half its characters to match.
 */
function weightedMean(parts: ReadonlyArray<readonly [weight: number, score: number | null]>): number {
  let points = 0;
  let maxPoints = 0;
  for (const [weight, score] of parts) {
    if (score === null) continue;
    points += weight * score;
    maxPoints += weight;
  }
  return points / maxPoints;
}

/** How closely `expected` occurs within `actual`, from 0 to 1. */
function similarity(actual: string, expected: string): number {
  if (actual.length === 0) return 0;
  const [closest] = search(actual, expected, expected.length);
  return closest ? 1 - closest.errors / expected.length : 0;
}

/** The fuzzy search works on code units; widen a match that would cut a surrogate pair in two. */
function wholeCharacters(text: string, start: number, end: number): { start: number; end: number } {
  return {
    start: splitsSurrogatePair(text, start) ? start - 1 : start,
    end: splitsSurrogatePair(text, end) ? end + 1 : end,
  };
}
