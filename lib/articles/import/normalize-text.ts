// The one shape every imported article text ends in: "\n"-separated lines, one paragraph each
// (see lib/anchoring/text-document.ts), no empty paragraphs, and a single trailing "\n".
// Annotations anchor on UTF-16 offsets into this text, so apart from the clean-up below every
// character (curly quotes, non-breaking spaces, zero-width joiners…) is kept exactly as given.

// Cc is the C0 and C1 control characters; "\n" separates paragraphs and survives, "\t" has been
// turned into a space before this runs.
const controlCharacters = /(?!\n)\p{Cc}/gu;

// Not / +$/: that regex retries from every space of a long run, quadratic on a hostile file.
function trimTrailingSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) === 0x20) end--;
  return line.slice(0, end);
}

export function normalizeText(text: string): string {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(controlCharacters, '')
    .normalize('NFC')
    .split('\n')
    .map(trimTrailingSpaces)
    // A line of only (non-breaking, ideographic…) spaces would be an empty-looking paragraph.
    .filter((line) => line.trim() !== '');
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** The non-empty lines of a text, normalized. */
export function textLines(text: string): string[] {
  const normalized = normalizeText(text);
  return normalized ? normalized.slice(0, -1).split('\n') : [];
}

/** Whitespace inside one block of formatted text (HTML, Markdown) as it renders: single spaces. */
export function collapseWhitespace(text: string): string {
  // &nbsp; counts as a space here: editors scatter it between words and at line ends.
  return text.replace(/[ \t\n\r\f\u00a0]+/g, ' ').trim();
}
