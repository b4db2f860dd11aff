// Markdown to the article line model, without a Markdown library: the block structure (headings,
// paragraphs, lists, quotes, code fences, HTML blocks) is read line by line following CommonMark's
// main rules, and each block's inline text is rendered by markdownInlineToLines.
import { htmlToLines } from './html-to-text';
import { markdownInlineToLines, referenceLabel } from './markdown-inline';
import { normalizeText } from './normalize-text';

type Block =
  /** Inline Markdown; "\n" marks a hard line break. */
  | { kind: 'inline'; source: string; prefix: string; level?: number }
  | { kind: 'verbatim'; line: string }
  | { kind: 'html'; html: string };

interface Fence {
  closing: RegExp;
  /** Opened inside a blockquote: its lines carry quote markers to strip. */
  quoted: boolean;
  /** The fence's own indentation, removed from its code lines. */
  indent: RegExp;
}

const fenceOpen = /^( {0,3})(`{3,}(?=[^`]*$)|~{3,})/;
const atxHeading = /^ {0,3}(#{1,6})(?:[ \t]+(.*))?$/;
const setextUnderline = /^ {0,3}(=+|-+)[ \t]*$/;
const thematicBreak = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const listItem = /^([ \t]*)([-*+]|(\d{1,9})[.)])(?:[ \t]+(.*))?$/;
const quoteMarkers = /^(?: {0,3}>[ \t]?)+/;
const referenceDefinition = /^ {0,3}\[([^\]]+)\]:[ \t]*(?:<[^>]*>|\S+)(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*$/;

// CommonMark's HTML blocks: the first kinds end at a closing marker, the rest at a blank line.
const htmlBlocksWithEnd: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
const htmlBlockTag = new RegExp(
  `^ {0,3}</?(?:${[
    'address', 'article', 'aside', 'base', 'basefont', 'blockquote', 'body', 'caption', 'center', 'col',
    'colgroup', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
    'footer', 'form', 'frame', 'frameset', 'h[1-6]', 'head', 'header', 'hr', 'html', 'iframe', 'legend',
    'li', 'link', 'main', 'menu', 'menuitem', 'nav', 'noframes', 'ol', 'optgroup', 'option', 'p', 'param',
    'search', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'title', 'tr', 'track', 'ul',
  ].join('|')})(?:[\\s>]|/>|$)`,
  'i',
);
// Any other complete tag alone on its line; unlike the kinds above it cannot interrupt a paragraph.
const htmlLoneTag = /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$/;

// YAML front matter (static-site generators) is metadata, not article text. Requiring a "key:"
// first keeps a leading thematic break ("---") and the text after it.
const frontMatter = /^---[ \t]*\n[A-Za-z_][\w-]*:[^]*?\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

function indentWidth(whitespace: string): number {
  return whitespace.replace(/\t/g, '    ').length;
}

/** The line without its blockquote markers, and how many there were. */
function unquote(line: string): { content: string; depth: number } {
  const markers = quoteMarkers.exec(line)?.[0] ?? '';
  return { content: line.slice(markers.length), depth: markers.split('>').length - 1 };
}

/** Reads the block structure; one instance per document. */
class BlockReader {
  readonly blocks: Block[] = [];
  readonly references = new Set<string>();
  private paragraph: Extract<Block, { kind: 'inline' }> | null = null;
  private paragraphQuoteDepth = 0;
  private hardBreak = false;
  private fence: Fence | null = null;
  private htmlEnd: RegExp | 'blank-line' | null = null;
  private htmlLines: string[] = [];
  // Next number per list indent: CommonMark numbers an ordered list from its first item on.
  private readonly ordered = new Map<number, number>();

  read(line: string): void {
    const { content, depth } = unquote(line);
    if (this.htmlEnd) return this.continueHtml(content);
    if (this.fence) return this.continueFence(this.fence.quoted ? content : line);
    if (content.trim() === '') return this.endParagraph();
    // A (deeper) quote starts a new paragraph; a line without markers continues a quoted one.
    if (depth > this.paragraphQuoteDepth) this.endParagraph();
    this.paragraphQuoteDepth = Math.max(depth, this.paragraphQuoteDepth);
    if (this.startFence(content, depth > 0) || this.startHtml(content)) return;
    if (!this.paragraph && this.readReference(content)) return;
    if (this.paragraph && !this.paragraph.prefix && this.underlineHeading(content)) return;
    if (thematicBreak.test(content)) return this.endBlock();
    if (this.readHeading(content) || this.readListItem(content)) return;
    this.readParagraphLine(content);
  }

  finish(): void {
    if (this.htmlEnd) this.endHtml();
    this.endParagraph();
  }

  private endParagraph(): void {
    this.paragraph = null;
    this.paragraphQuoteDepth = 0;
    this.hardBreak = false;
  }

  /** Ends the current paragraph and any list: the next block starts fresh. */
  private endBlock(): void {
    this.endParagraph();
    this.ordered.clear();
  }

  private startFence(content: string, quoted: boolean): boolean {
    const match = fenceOpen.exec(content);
    if (!match) return false;
    this.endBlock();
    const [, indent, marker] = match;
    this.fence = {
      closing: new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`),
      indent: new RegExp(`^ {0,${indent.length}}`),
      quoted,
    };
    return true;
  }

  private continueFence(content: string): void {
    const fence = this.fence;
    if (!fence) return;
    if (fence.closing.test(content)) {
      this.fence = null;
      return;
    }
    this.blocks.push({ kind: 'verbatim', line: content.replace(fence.indent, '') });
  }

  private startHtml(content: string): boolean {
    const withEnd = htmlBlocksWithEnd.find(([start]) => start.test(content));
    const end = withEnd?.[1] ?? (htmlBlockTag.test(content) || (!this.paragraph && htmlLoneTag.test(content)) ? 'blank-line' : null);
    if (!end) return false;
    this.endBlock();
    this.htmlEnd = end;
    this.continueHtml(content);
    return true;
  }

  private continueHtml(line: string): void {
    if (this.htmlEnd === 'blank-line' && line.trim() === '') return this.endHtml();
    this.htmlLines.push(line);
    if (this.htmlEnd instanceof RegExp && this.htmlEnd.test(line)) this.endHtml();
  }

  private endHtml(): void {
    this.blocks.push({ kind: 'html', html: this.htmlLines.join('\n') });
    this.htmlLines = [];
    this.htmlEnd = null;
  }

  private readReference(content: string): boolean {
    const match = referenceDefinition.exec(content);
    if (match) this.references.add(referenceLabel(match[1]));
    return match !== null;
  }

  /** "Title\n=====" makes the paragraph above a heading. */
  private underlineHeading(content: string): boolean {
    const match = setextUnderline.exec(content);
    if (!match || !this.paragraph) return false;
    this.paragraph.level = match[1].startsWith('=') ? 1 : 2;
    this.endBlock();
    return true;
  }

  private readHeading(content: string): boolean {
    const match = atxHeading.exec(content);
    if (!match) return false;
    this.endBlock();
    // A closing run of "#" is decoration, unless it is glued to the text ("C#").
    const source = (match[2] ?? '').trim().replace(/(?:^|[ \t])#+$/, '').trim();
    this.blocks.push({ kind: 'inline', source, prefix: '', level: match[1].length });
    return true;
  }

  private readListItem(content: string): boolean {
    const match = listItem.exec(content);
    if (!match) return false;
    const [, indentText, , number, text = ''] = match;
    // As in CommonMark, "2019. A year…" inside a paragraph does not start a list.
    const interrupts = !this.paragraph || this.paragraph.prefix !== '' || (text !== '' && (number === undefined || number === '1'));
    if (!interrupts) return false;
    const indent = indentWidth(indentText);
    for (const key of this.ordered.keys()) if (key > indent || (key === indent && number === undefined)) this.ordered.delete(key);
    const prefix = number === undefined ? '• ' : `${this.nextNumber(indent, Number(number))}. `;
    this.startParagraph(text, prefix);
    return true;
  }

  private nextNumber(indent: number, written: number): number {
    const next = this.ordered.get(indent) ?? written;
    this.ordered.set(indent, next + 1);
    return next;
  }

  private readParagraphLine(content: string): void {
    if (this.paragraph) {
      this.paragraph.source += this.hardBreak ? '\n' : ' ';
      this.appendLine(content);
      return;
    }
    // Text back at the margin after a blank line ends any list.
    if (indentWidth(/^[ \t]*/.exec(content)?.[0] ?? '') < 2) this.ordered.clear();
    this.startParagraph(content, '');
  }

  private startParagraph(content: string, prefix: string): void {
    this.paragraph = { kind: 'inline', source: '', prefix };
    this.blocks.push(this.paragraph);
    this.appendLine(content);
  }

  private appendLine(content: string): void {
    if (!this.paragraph) return;
    // Two trailing spaces or a trailing backslash make a hard line break.
    const trailingBackslash = /(?<!\\)\\$/.test(content);
    this.hardBreak = trailingBackslash || content.endsWith('  ');
    const text = content.trim();
    this.paragraph.source += trailingBackslash ? text.slice(0, -1) : text;
  }
}

function blockLines(block: Block, references: ReadonlySet<string>): string[] {
  if (block.kind === 'verbatim') return [block.line];
  if (block.kind === 'html') return htmlToLines(block.html);
  const lines = markdownInlineToLines(block.source, references);
  return lines.length ? [block.prefix + lines[0], ...lines.slice(1)] : [];
}

export function markdownToText(md: string): { text: string; title: string | null } {
  const reader = new BlockReader();
  const source = md.replace(/^\uFEFF/, '').replace(/\0/g, '').replace(/\r\n?/g, '\n').replace(frontMatter, '');
  for (const line of source.split('\n')) reader.read(line);
  reader.finish();

  const lines: string[] = [];
  let title: string | null = null;
  for (const block of reader.blocks) {
    const rendered = blockLines(block, reader.references);
    if (title === null && block.kind === 'inline' && block.level === 1 && rendered.length) title = rendered.join(' ');
    for (const line of rendered) lines.push(line);
  }
  return { text: normalizeText(lines.join('\n')), title };
}
