// Describing a range of an article's plain text so that it can be found again after the text
// changes: the quote with some context (robust to moves) and the offsets (fast when nothing moved).
// Offsets are UTF-16 code units, as everywhere in lib/anchoring.

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface Anchor {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** Maximum length, in UTF-16 code units, of the prefix and of the suffix. */
export const CONTEXT_LENGTH = 32;

export function describeRange(text: string, start: number, end: number): Anchor {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`Invalid text range [${start}, ${end}) for a text of length ${text.length}`);
  }

  // Shrink rather than extend the context at a split surrogate pair, so that it never exceeds
  // CONTEXT_LENGTH and never contains half a character.
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, prefixStart)) prefixStart += 1;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd -= 1;

  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/** Whether `index` falls between the two code units of a surrogate pair. */
export function splitsSurrogatePair(text: string, index: number): boolean {
  return index > 0 && index < text.length && isHighSurrogate(text.charCodeAt(index - 1)) && isLowSurrogate(text.charCodeAt(index));
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
