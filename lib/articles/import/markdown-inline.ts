// Inline Markdown (the text of one paragraph, heading or list item) to plain-text lines: code
// spans, escapes and autolinks kept literally, links reduced to their text, images dropped,
// emphasis markers removed, inline HTML and entities rendered by htmlToLines. A "\n" in the source
// is a hard line break and starts a new line.
import { htmlToLines } from './html-to-text';
import { collapseWhitespace } from './normalize-text';

interface Protected {
  value: string;
  isHtml: boolean;
}

// Spans whose characters must not be read as Markdown syntax, earliest first, as CommonMark
// reads them left to right: a backslash before a backtick stops a code span from opening, etc.
const protectedSpan = new RegExp(
  [
    /(?<!`)(`+)(?!`)([^]{0,2000}?[^`])\1(?!`)/.source, // code span: 1 = fence, 2 = content
    /\\([!-/:-@[-`{-~])/.source, // backslash escape: 3
    /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/.source, // URL autolink: 4
    /<([\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)>/.source, // e-mail autolink: 5
    /<!--[^]{0,2000}?-->|<\/?[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/
      .source, // inline HTML
  ].join('|'),
  'g',
);

// NUL never survives normalizeText, so it can mark where a protected span goes back in.
const placeholder = /\0(\d+)\0/g;

function codeSpanText(content: string): string {
  const text = content.replace(/\n/g, ' ');
  const padded = text.length > 1 && text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '';
  return padded ? text.slice(1, -1) : text;
}

function protect(source: string): { text: string; spans: Protected[] } {
  const spans: Protected[] = [];
  const text = source.replace(
    protectedSpan,
    (match, _fence: string | undefined, code: string | undefined, escaped: string | undefined, url: string | undefined, email: string | undefined) => {
      const literal = code !== undefined ? codeSpanText(code) : (escaped ?? url ?? email);
      spans.push(literal !== undefined ? { value: literal, isHtml: false } : { value: match, isHtml: true });
      return `\0${spans.length - 1}\0`;
    },
  );
  return { text, spans };
}

/** Reference labels match case-insensitively with whitespace collapsed. */
export function referenceLabel(label: string): string {
  return collapseWhitespace(label).toLowerCase();
}

// A link destination may hold one level of balanced parentheses, e.g. Wikipedia URLs.
const destination = /\((?:[^()]|\([^()]*\))*\)/.source;
// Link text without brackets: nested brackets are rare, and "[^\]]*" would rescan to the end of
// the paragraph from every unclosed "[".
const linkText = /\[([^[\]]*)\]/.source;

const inlineImage = new RegExp(`!${linkText}${destination}`, 'g');
const referenceImage = new RegExp(`!${linkText}${linkText}`, 'g');
const inlineLink = new RegExp(`${linkText}${destination}`, 'g');
const referenceLink = new RegExp(`${linkText}${linkText}`, 'g');
const shortcutReference = new RegExp(`(!?)${linkText}(?![[(])`, 'g');

function stripLinksAndImages(text: string, references: ReadonlySet<string>): string {
  const known = (label: string) => references.has(referenceLabel(label));
  return text
    .replace(inlineImage, '')
    .replace(referenceImage, (match, alt: string, label: string) => (known(label || alt) ? '' : match))
    .replace(inlineLink, '$1')
    .replace(referenceLink, (match, content: string, label: string) => (known(label || content) ? content : match))
    .replace(shortcutReference, (match, bang: string, content: string) => (known(content) ? (bang ? '' : content) : match));
}

// Innermost first: the content of a span may not hold its own marker character, which keeps each
// match short (no rescanning to the end of a paragraph), and the passes below peel nested spans
// ("*a **b** c*", "***a***") from the inside out. An underscore inside a word is not emphasis
// (snake_case), and a "*" next to a space is text ("5 * 3").
const emphasisPatterns = [
  /\*\*(?=[^\s*])([^*]*?[^\s*])\*\*/g,
  /(?<![\p{L}\p{N}_])__(?=[^\s_])([^_]*?[^\s_])__(?![\p{L}\p{N}_])/gu,
  /~~(?=[^\s~])([^~]*?[^\s~])~~/g,
  /\*(?=[^\s*])([^*]*?[^\s*])\*/g,
  /(?<![\p{L}\p{N}_])_(?=[^\s_])([^_]*?[^\s_])_(?![\p{L}\p{N}_])/gu,
];

function stripEmphasis(text: string): string {
  let current = text;
  for (let pass = 0; pass < 6; pass++) {
    const next = emphasisPatterns.reduce((value, pattern) => value.replace(pattern, '$1'), current);
    if (next === current) break;
    current = next;
  }
  return current;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function restore(text: string, spans: Protected[], asHtml: boolean): string {
  return text.replace(placeholder, (_match, index: string) => {
    const span = spans[Number(index)];
    return asHtml && !span.isHtml ? escapeHtml(span.value) : span.value;
  });
}

function renderAsHtml(text: string, spans: Protected[]): string[] {
  // Every "<" and ">" left in the text is literal (tags were protected); "&" stays so that
  // entities decode.
  const html = restore(text.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>'), spans, true);
  return htmlToLines(html);
}

function plainLines(text: string): string[] {
  return text
    .split('\n')
    .map(collapseWhitespace)
    .filter((line) => line !== '');
}

/** The lines one inline Markdown source renders to; references are the defined link labels. */
export function markdownInlineToLines(source: string, references: ReadonlySet<string>): string[] {
  // Most paragraphs of an article hold no Markdown syntax at all.
  if (!/[`\\<&*_~[]/.test(source)) return plainLines(source);
  const { text, spans } = protect(source);
  const withoutLinks = text.includes('[') ? stripLinksAndImages(text, references) : text;
  const plain = /[*_~]/.test(withoutLinks) ? stripEmphasis(withoutLinks) : withoutLinks;
  // Only inline HTML and entities need the HTML parser; most paragraphs have neither.
  if (plain.includes('&') || spans.some((span) => span.isHtml)) return renderAsHtml(plain, spans);
  return plainLines(restore(plain, spans, false));
}
