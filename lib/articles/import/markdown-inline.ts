// Inline Markdown (the text of one paragraph, heading or list item) to plain-text lines: code
// spans, escapes and autolinks kept literally, links reduced to their text, images dropped,
// emphasis markers removed, inline HTML and entities rendered by htmlToText. A "\n" in the source
// is a hard line break and starts a new line.
import { htmlToText } from './html-to-text';
import { collapseWhitespace, textLines } from './normalize-text';

interface Protected {
  value: string;
  isHtml: boolean;
}

// Spans whose characters must not be read as Markdown syntax, earliest first, as CommonMark
// reads them left to right: a backslash before a backtick stops a code span from opening, etc.
const protectedSpan = new RegExp(
  [
    /(?<!`)(`+)(?!`)([^]*?[^`])\1(?!`)/.source, // code span: 1 = fence, 2 = content
    /\\([!-/:-@[-`{-~])/.source, // backslash escape: 3
    /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/.source, // URL autolink: 4
    /<([\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)>/.source, // e-mail autolink: 5
    /<!--[^]*?-->|<\/?[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/
      .source, // inline HTML
  ].join('|'),
  'g',
);

// NUL never survives normalizeText, so it can mark where a protected span goes back in.
const placeholder = /\0(\d+)\0/g;

function codeSpanText(content: string): string {
  const text = content.replace(/\n/g, ' ');
  return /^ [^]*[^ ][^]* $/.test(text) ? text.slice(1, -1) : text;
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

function stripLinksAndImages(text: string, references: ReadonlySet<string>): string {
  const known = (label: string) => references.has(referenceLabel(label));
  return text
    .replace(new RegExp(`!\\[[^\\]]*\\]${destination}`, 'g'), '')
    .replace(/!\[([^\]]*)\]\[([^\]]*)\](?!\()/g, (match, alt: string, label: string) => (known(label || alt) ? '' : match))
    .replace(new RegExp(`\\[([^\\]]*)\\]${destination}`, 'g'), '$1')
    .replace(/\[([^\]]*)\]\[([^\]]*)\]/g, (match, content: string, label: string) => (known(label || content) ? content : match))
    .replace(/(!?)\[([^\]]+)\](?![[(])/g, (match, bang: string, content: string) => (known(content) ? (bang ? '' : content) : match));
}

// Strong before emphasis, so "***a***" and "*a **b** c*" come apart from the outside in. An
// underscore inside a word is not emphasis (snake_case), and a lone "*" between spaces is text.
const emphasisPatterns = [
  /\*\*(?=\S)([^]*?\S)\*\*/g,
  /(?<![\p{L}\p{N}_])__(?=\S)([^]*?\S)__(?![\p{L}\p{N}_])/gu,
  /~~(?=\S)([^]*?\S)~~/g,
  /\*(?=[^\s*])([^*]*?[^\s*])\*/g,
  /(?<![\p{L}\p{N}_])_(?=[^\s_])([^_]*?[^\s_])_(?![\p{L}\p{N}_])/gu,
];

function stripEmphasis(text: string): string {
  let current = text;
  for (let pass = 0; pass < 4; pass++) {
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
  return textLines(htmlToText(html).text);
}

/** The lines one inline Markdown source renders to; references are the defined link labels. */
export function markdownInlineToLines(source: string, references: ReadonlySet<string>): string[] {
  const { text, spans } = protect(source);
  const plain = stripEmphasis(stripLinksAndImages(text, references));
  // Only inline HTML and entities need the HTML parser; most paragraphs have neither.
  if (plain.includes('&') || spans.some((span) => span.isHtml)) return renderAsHtml(plain, spans);
  return restore(plain, spans, false)
    .split('\n')
    .map(collapseWhitespace)
    .filter((line) => line !== '');
}
