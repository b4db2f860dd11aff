// HTML (uploaded .html, mammoth's .docx output, HTML blocks in Markdown) to the article line model:
// one line per block. The HTML is first reduced to an allow-list with sanitize-html, so the
// converter below only ever sees a small, well-nested set of tags.
import { DomUtils, ElementType, Parser, parseDocument, Tokenizer } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';
import { AppError } from '@/lib/errors';
import { collapseWhitespace, normalizeText, textLines } from './normalize-text';

// htmlparser2 does not re-export domhandler's node types; derive them instead of importing a
// package this app does not depend on directly.
type DomNode = ReturnType<typeof parseDocument>['children'][number];
type DomElement = Parameters<typeof DomUtils.getName>[0];

const headingTags = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const blockTags = new Set(['p', 'ul', 'ol', 'li', 'blockquote', ...headingTags]);
const inlineTags = ['a', 'br', 'b', 'strong', 'i', 'em', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'cite', 'code'];

// Structural containers outside the allow-list still separate blocks; dropping just the tag would
// glue "<div>a</div><div>b</div>" into "ab". Each becomes a paragraph (table cells included, one
// line per cell), which the converter flattens.
const blockContainers = [
  'address', 'article', 'aside', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'header', 'hgroup', 'legend', 'main', 'nav', 'pre',
  'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr',
];

// Elements whose content is not article text: dropped with everything inside them. Not <head>:
// an unclosed one would swallow the body, and what it holds (title, style, script…) is listed.
const droppedWithContent = [
  'title', 'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'noframes',
  'noembed', 'object', 'embed', 'applet', 'svg', 'math', 'canvas', 'audio', 'video', 'map', 'textarea',
  'select', 'option', 'button', 'xmp',
];

// Bounds the depth of the sanitized tree, so walking it recursively cannot overflow the stack.
const maxNesting = 100;

// htmlparser2 keeps its stack of open elements with Array#unshift, so parsing time grows with the
// square of the nesting depth: 5 MB of "<div>" takes many minutes. Browsers stop nesting at 512.
const maxOpenElements = 1000;
const voidElements = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);
// These close an open sibling of their kind instead of nesting in it: "<p>a<p>b" is not deep.
const siblingClosing = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot']);

/**
 * Whether the HTML nests elements deeper than `limit`, read with htmlparser2's tokenizer (linear
 * time) and a stack that closes elements the way the parser does: an end tag closes back to its
 * open element, and one with nothing to close is ignored.
 */
function nestsDeeperThan(html: string, limit: number): boolean {
  const open: string[] = [];
  let tag = '';
  const opens = () => !voidElements.has(tag) && !siblingClosing.has(tag);
  const push = () => {
    open.push(tag);
    if (open.length > limit) tokenizer.pause();
  };
  const ignore = () => undefined;
  const tokenizer = new Tokenizer(
    {},
    {
      onopentagname(start, end) {
        tag = html.slice(start, end).toLowerCase();
      },
      onopentagend() {
        if (opens()) push();
      },
      onselfclosingtag() {
        // "<div/>" opens a <div> in HTML; only SVG and MathML elements close themselves.
        if (opens() && !open.some((name) => name === 'svg' || name === 'math')) push();
      },
      onclosetag(start, end) {
        const index = open.lastIndexOf(html.slice(start, end).toLowerCase());
        if (index >= 0) open.length = index;
      },
      onattribdata: ignore,
      onattribentity: ignore,
      onattribend: ignore,
      onattribname: ignore,
      oncdata: ignore,
      oncomment: ignore,
      ondeclaration: ignore,
      onend: ignore,
      onprocessinginstruction: ignore,
      ontext: ignore,
      ontextentity: ignore,
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return open.length > limit;
}

function assertNotTooDeep(html: string): void {
  if (nestsDeeperThan(html, maxOpenElements)) {
    throw new AppError('UNPROCESSABLE', 'The HTML is nested too deeply to import.', { field: 'file' });
  }
}

function keepSafeHref(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const { href, ...rest } = attribs;
  // Relative links have no scheme and would slip past allowedSchemes; only absolute ones stay.
  const safe = href !== undefined && /^\s*(https?:|mailto:)/i.test(href);
  return { tagName, attribs: safe ? { ...rest, href } : rest };
}

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [...blockTags, ...inlineTags],
  allowedAttributes: { a: ['href'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: droppedWithContent,
  nestingLimit: maxNesting,
  transformTags: {
    a: keepSafeHref,
    hr: 'br',
    ...Object.fromEntries(blockContainers.map((tag) => [tag, 'p'])),
  },
};

/** The HTML reduced to the import allow-list: paragraphs, headings, lists, quotes, links, br, emphasis. */
export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, sanitizeOptions);
}

interface ListState {
  ordered: boolean;
  next: number;
}

/** Collects one line per block from a walk over the sanitized tree. */
class LineWriter {
  readonly lines: string[] = [];
  private current = '';
  private prefix = '';
  private readonly lists: ListState[] = [];

  text(value: string): void {
    this.current += value;
  }

  endLine(): void {
    const line = collapseWhitespace(this.current);
    this.current = '';
    if (!line) return;
    this.lines.push(this.prefix + line);
    this.prefix = '';
  }

  openList(ordered: boolean, start: number): void {
    this.lists.push({ ordered, next: start });
  }

  closeList(): void {
    this.lists.pop();
  }

  /** The marker goes on the item's first non-empty line, which may be inside a nested <p>. */
  startListItem(): void {
    const list = this.lists.at(-1);
    this.prefix = list?.ordered ? `${list.next++}. ` : '• ';
  }

  endListItem(): void {
    this.endLine();
    this.prefix = '';
  }
}

function listStart(value: string | undefined): number {
  const start = Number.parseInt(value ?? '', 10);
  return Number.isSafeInteger(start) ? start : 1;
}

function writeElement(element: DomElement, out: LineWriter): void {
  const { name } = element;
  if (name === 'br') return out.endLine();
  if (!blockTags.has(name)) return writeNodes(element.children, out);

  out.endLine();
  if (name === 'ul' || name === 'ol') out.openList(name === 'ol', listStart(element.attribs.start));
  if (name === 'li') out.startListItem();
  writeNodes(element.children, out);
  if (name === 'ul' || name === 'ol') out.closeList();
  if (name === 'li') out.endListItem();
  else out.endLine();
}

function writeNodes(nodes: DomNode[], out: LineWriter): void {
  for (const node of nodes) {
    // Sanitized HTML has no <script>/<style>, so plain tags and text are all there is to write.
    if (node.type === ElementType.Text) out.text(node.data);
    else if (node.type === ElementType.Tag) writeElement(node, out);
  }
}

function linesOf(nodes: DomNode[]): string[] {
  const out = new LineWriter();
  writeNodes(nodes, out);
  out.endLine();
  return out.lines;
}

function firstH1(nodes: DomNode[]): string | null {
  for (const h1 of DomUtils.findAll((element) => element.name === 'h1', nodes)) {
    const title = linesOf([h1]).join(' ');
    if (title) return title;
  }
  return null;
}

/** The document's <title> (not an SVG's), read from the raw HTML before sanitizing drops it. */
function documentTitle(html: string): string | null {
  let title: string | null = null;
  let inTitle = false;
  let svgDepth = 0;
  const parser = new Parser({
    onopentag(name) {
      if (name === 'svg') svgDepth++;
      if (name === 'title' && svgDepth === 0 && title === null) inTitle = true;
    },
    ontext(text) {
      if (inTitle) title = (title ?? '') + text;
    },
    onclosetag(name) {
      if (name === 'svg') svgDepth = Math.max(0, svgDepth - 1);
      if (name === 'title') inTitle = false;
    },
  });
  parser.end(html);
  return title === null ? null : collapseWhitespace(title) || null;
}

function sanitizedTree(html: string): DomNode[] {
  assertNotTooDeep(html);
  return parseDocument(sanitizeArticleHtml(html)).children;
}

/** The lines of an HTML fragment, without looking for a title. */
export function htmlToLines(html: string): string[] {
  return textLines(linesOf(sanitizedTree(html)).join('\n'));
}

export function htmlToText(html: string): { text: string; title: string | null } {
  const tree = sanitizedTree(html);
  const text = normalizeText(linesOf(tree).join('\n'));
  return { text, title: documentTitle(html) ?? firstH1(tree) };
}
