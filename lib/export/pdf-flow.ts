// A streaming text flow over pdfkit for the PDF report: a paragraph of styled runs is broken into
// lines and each line is drawn as soon as it is measured, on a new page when it does not fit. No
// layout tree and no pass over the whole document: time and memory grow with the text drawn, and
// a finished page is written out (and compressed) when the next one starts. The standard fonts'
// metrics are read into tables once (see StandardMetrics), and a page's drawing operators gather in
// a string that goes to pdfkit in one piece, instead of one small write per line, box and rule.
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';

export type FontStyle = 'regular' | 'bold' | 'italic';

export interface RunStyle {
  font?: FontStyle;
  /** Points; the paragraph's size when not set. */
  size?: number;
  color?: string;
  /** Extra space between letters, in points. */
  tracking?: number;
  /** Fill behind the text, one band per line (highlighted passages). */
  background?: string;
  /** Colour of a line under the text. */
  underline?: string;
  /** An external link; only ever given a safe http(s) URL. */
  link?: string;
  /** A named destination in this document (see `destination`). */
  goTo?: string;
  /** Raises the baseline by this many points (reference marks). */
  rise?: number;
}

export interface Run extends RunStyle {
  /** Plain text; "\n" breaks the line. */
  text: string;
}

export interface ParagraphStyle extends Pick<RunStyle, 'font' | 'color' | 'tracking'> {
  size: number;
  /** Line height as a multiple of the size. */
  leading: number;
  /** Left inset from the margin, in points. */
  indent?: number;
  /** Width of the text column; the rest of the line when not set. */
  width?: number;
  spaceAfter?: number;
  /** Called after each line is drawn, on that line's page: for what goes beside it (numbers, bars). */
  onLine?: (line: PlacedLine) => void;
}

export interface PlacedLine {
  /** 0 for the paragraph's first line. */
  index: number;
  top: number;
  baseline: number;
  height: number;
}

export interface FlowOptions {
  title: string;
  subject: string;
  /** Printed at the foot of every page, beside "page / pages". */
  footer: string;
  createdAt: Date;
}

const pageSize = { width: 595.28, height: 841.89 }; // A4
const margin = { top: 48, bottom: 60, left: 52, right: 52 };
const footerBaseline = pageSize.height - 28;
const footerColor = '#57606a';
const defaultColor = '#1f2328';

const standardFonts: Record<FontStyle, string> = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' };
// Helvetica's ascender and descender (per 1,000 units), to place the baseline in a line box.
const ascent = 0.718;
const descent = 0.207;

// The standard fonts encode WinAnsi only. Other letters (Cyrillic, Central European, Turkish…)
// come from Geist (SIL Open Font License, fonts/OFL.txt), embedded only when used and then only
// the glyphs used; what Geist lacks too (Greek, CJK, Arabic, emoji) prints as "?".
const winAnsiOnly = /^[\x20-\x7e\xa0-\xff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]*$/;
const unicodeFont = 'Unicode';
const unicodeFontFile = fileURLToPath(new URL('./fonts/Geist-Regular.ttf', import.meta.url));

const noTextState = { font: '', size: 0, color: '', tracking: 0 };
const space = 0x20;
const newline = 0x0a;

type Style = Required<Pick<RunStyle, 'font' | 'size' | 'color' | 'tracking' | 'rise'>> & RunStyle;

interface Piece {
  text: string;
  style: Style;
  width: number;
}

interface Fragment {
  texts: string[];
  style: Style;
  x: number;
  width: number;
}

/** pdfkit's object for a standard font (see `standardEncoding`). */
interface StandardFont {
  id: string;
  ref(): unknown;
  /** The font's metrics from its AFM file. */
  font: {
    encodeText(text: string): string[];
    characterToGlyph(charCode: number): string;
    widthOfGlyph(glyph: string): number;
    getKernPair(left: string, right: string): number;
  };
}

interface Encoding {
  font: StandardFont;
  /** The text as the inside of a TJ array: strings with kerning adjustments between them. */
  array: string;
  /** `array` without its first and last character, "(" and ")": to join it onto another's. */
  inner: string;
  /** At a size of one point. */
  width: number;
}

interface FontChunk {
  text: string;
  font: string;
}

/** A stretch of text in one font, measured: `encoding` for a standard font, null for the embedded one. */
interface ShapedChunk {
  text: string;
  encoding: Encoding | null;
  /** At a size of one point, without tracking. */
  width: number;
}

export class PdfFlow {
  private readonly doc: PDFKit.PDFDocument;
  private readonly done: Promise<Buffer>;
  /** One form per page holding its "page / pages", written at the end when the count is known. */
  private readonly pageNumbers: PDFKit.PDFKitReference[] = [];
  private readonly pageNumberFont: PDFKit.PDFKitReference;
  private readonly footer: string;
  private unicodeGlyphs: ((codePoint: number) => boolean) | null = null;
  private textOperators = '';
  private textState = { ...noTextState };
  /** The current page's operators not yet handed to pdfkit, one per line (see `addContent`). */
  private content = '';
  /** Standard-font metrics by font name. */
  private readonly standard = new Map<string, StandardMetrics>();
  /** Texts (mostly words, which recur) cut into font chunks and measured, by font style. */
  private readonly shapes: Record<FontStyle, Map<string, ShapedChunk[]>> = { regular: new Map(), bold: new Map(), italic: new Map() };
  private y = margin.top;
  readonly left = margin.left;
  readonly width = pageSize.width - margin.left - margin.right;

  constructor(options: FlowOptions) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: margin,
      autoFirstPage: false,
      displayTitle: true,
      info: { Title: options.title, Subject: options.subject, Creator: 'Factcheck desk', Producer: 'Factcheck desk', CreationDate: options.createdAt },
    });
    // The layout is synchronous and the PDF is wanted whole: pdfkit's pieces (several per object,
    // tens of thousands for a large report) are kept as it writes them instead of going through its
    // stream one by one, and joined when it ends its stream. `_write` is how pdfkit writes every
    // byte of the file (not in its types; pdfkit is pinned to one version in package.json).
    const chunks: Uint8Array[] = [];
    // The header pdfkit wrote on creating the document.
    const head = this.doc.read() as Uint8Array | null;
    if (head) chunks.push(head);
    const writer = this.doc as unknown as { _write(data: string | Uint8Array): void; _offset: number };
    writer._write = (data) => {
      // As pdfkit's own: a string is a line of single-byte characters.
      const bytes = typeof data === 'string' ? Buffer.from(`${data}\n`, 'latin1') : data;
      chunks.push(bytes);
      writer._offset += bytes.length;
    };
    this.done = new Promise((resolve, reject) => {
      // Nothing comes as data any more, but a stream only ends once something reads it.
      this.doc.on('data', () => {});
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    this.doc.registerFont(unicodeFont, unicodeFontFile);
    this.pageNumberFont = this.doc.ref({ Type: 'Font', Subtype: 'Type1', BaseFont: standardFonts.regular, Encoding: 'WinAnsiEncoding' });
    this.pageNumberFont.end(undefined);
    this.footer = options.footer;
    this.newPage();
  }

  get atPageTop(): boolean {
    return this.y === margin.top;
  }

  /** Vertical space, dropped at the top of a page. */
  space(points: number): void {
    if (!this.atPageTop) this.y += points;
  }

  /** Starts a new page unless `points` of room are left: keeps a heading with what follows it. */
  keepSpace(points: number): void {
    if (!this.atPageTop && this.y + points > pageSize.height - margin.bottom) this.newPage();
  }

  /** A bookmark in the viewer's outline, to the current page. */
  bookmark(title: string): void {
    this.doc.outline.addItem(title);
  }

  /** A target for `goTo` at the current position. */
  destination(name: string): void {
    this.doc.addNamedDestination(name, 'XYZ', null, Math.max(0, this.y - 6), null);
  }

  rule(color: string, width = this.width): void {
    this.strokeLine(this.left, this.left + width, this.y, 0.75, color);
  }

  // Lines and boxes are written as compact operators too: pdfkit's spell every colour out to 16
  // digits, and a large report draws thousands of highlight boxes.
  fillRect(x: number, y: number, width: number, height: number, color: string): void {
    this.addContent(`${pdfRgb(color)} ${pdfNumber(x)} ${pdfNumber(y)} ${pdfNumber(width)} ${pdfNumber(height)} re f`);
  }

  private strokeLine(from: number, to: number, y: number, lineWidth: number, color: string): void {
    this.addContent(`${pdfRgb(color, 'RG')} ${lineWidth} w ${pdfNumber(from)} ${pdfNumber(y)} m ${pdfNumber(to)} ${pdfNumber(y)} l S`);
  }

  /** Adds operators to the page as pdfkit's addContent would (a line each), in one write per page. */
  private addContent(operators: string): void {
    this.content += `${operators}\n`;
  }

  /** Hands the gathered operators to pdfkit: before anything that writes to the page through it. */
  private flushContent(): void {
    if (!this.content) return;
    // The operators are WinAnsi bytes, one character each (see StandardMetrics), as pdfkit writes strings.
    this.doc.page.write(Buffer.from(this.content, 'latin1'));
    this.content = '';
  }

  /** One line of text at a position, without wrapping; returns its width. */
  textAt(run: Run, x: number, baseline: number, align: 'left' | 'right' = 'left'): number {
    const style = resolve(run, { size: run.size ?? 10 });
    const width = this.measure(run.text, style);
    this.drawText([run.text], style, align === 'right' ? x - width : x, baseline);
    this.flushText();
    return width;
  }

  paragraph(runs: readonly Run[], paragraph: ParagraphStyle): void {
    let lineIndex = 0;
    const breaker = new LineBreaker(paragraph.width ?? this.width - (paragraph.indent ?? 0), (word, maxWidth) => this.splitToFit(word, maxWidth), (line) =>
      this.drawLine(line, paragraph, lineIndex++),
    );
    for (const run of runs) {
      const style = resolve(run, paragraph);
      const text = /[\r\t]/.test(run.text) ? run.text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ') : run.text;
      // Words, runs of spaces and line breaks, in order.
      for (let start = 0; start < text.length; ) {
        const first = text.charCodeAt(start);
        let end = start + 1;
        if (first === newline) {
          breaker.lineBreak();
          start = end;
          continue;
        }
        if (first === space) while (end < text.length && text.charCodeAt(end) === space) end++;
        else
          for (let code = text.charCodeAt(end); end < text.length && code !== space && code !== newline; code = text.charCodeAt(end)) end++;
        const part = text.slice(start, end);
        breaker.add({ text: part, style, width: this.measure(part, style) }, first === space);
        start = end;
      }
    }
    breaker.finish();
    if (lineIndex === 0) this.drawLine([], paragraph, 0);
    this.y += paragraph.spaceAfter ?? 0;
  }

  /** Ends the document: the page counts are filled in and the bytes returned. */
  async finish(): Promise<Buffer> {
    const total = this.pageNumbers.length;
    this.flushContent();
    this.doc.font(standardFonts.regular).fontSize(8);
    this.pageNumbers.forEach((form, index) => {
      const text = `${index + 1} / ${total}`;
      // Right-aligned on the form's origin; the form is placed at the right margin.
      form.end(`BT /PN 8 Tf ${pdfRgb(footerColor)} ${-this.doc.widthOfString(text)} 0 Td (${text}) Tj ET`);
    });
    this.doc.end();
    return this.done;
  }

  private newPage(): void {
    // pdfkit writes out the last page when it adds the next one.
    this.flushContent();
    this.doc.addPage();
    this.y = margin.top;
    const style = resolve({ text: '', color: footerColor }, { size: 8 });
    this.drawText([this.fitWidth(this.footer, style, this.width - 60)], style, this.left, footerBaseline);
    this.flushText();
    const form = this.doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: [-200, -4, 0, 12], Resources: { Font: { PN: this.pageNumberFont } } });
    this.doc.page.xobjects.PN = form;
    // The page's user space is flipped (y down); the form is drawn the right way up at the baseline.
    this.addContent(`q 1 0 0 -1 ${this.left + this.width} ${footerBaseline} cm /PN Do Q`);
    this.pageNumbers.push(form);
  }

  private drawLine(pieces: readonly Piece[], paragraph: ParagraphStyle, index: number): void {
    const height = paragraph.size * paragraph.leading;
    if (this.y + height > pageSize.height - margin.bottom) this.newPage();
    const top = this.y;
    // The glyphs' box centred in the line box, as CSS does with line-height.
    const baseline = top + (height - (ascent + descent) * paragraph.size) / 2 + ascent * paragraph.size;
    const left = this.left + (paragraph.indent ?? 0);
    const fragments = fragmentsByStyle(pieces, left);
    for (const { style, x, width } of fragments) {
      if (style.background) this.fillRect(x, baseline - 0.93 * paragraph.size, width, 1.2 * paragraph.size, style.background);
    }
    for (const { texts, style, x, width } of fragments) {
      this.drawText(texts, style, x, baseline);
      const glyphTop = baseline - style.rise - style.size;
      if (style.underline) this.strokeLine(x, x + width, baseline + 1.8, 0.9, style.underline);
      // Links carry their action inline (pdfkit's link() and goTo() add an object for each).
      if (style.link) this.linkAnnotation(x, glyphTop, width, style.size * 1.3, { A: { S: 'URI', URI: new String(style.link) } });
      if (style.goTo) this.linkAnnotation(x, glyphTop, width, style.size * 1.3, { Dest: style.goTo });
    }
    this.flushText();
    paragraph.onLine?.({ index, top, baseline, height });
    this.y = top + height;
  }

  /**
   * A link over a box of the page: what pdfkit's annotate() writes, an object of its own, but
   * written here in one piece: pdfkit's generic object writer was a good part of the time of the
   * thousands of links of a large report. Falls back to annotate() for text other than ASCII,
   * which pdfkit writes as UTF-16.
   */
  // eslint-disable-next-line @typescript-eslint/no-wrapper-object-types -- pdfkit writes a String object as a PDF string, a primitive as a name.
  private linkAnnotation(x: number, y: number, width: number, height: number, target: { A: { S: 'URI'; URI: string | String } } | { Dest: string }): void {
    const text = 'Dest' in target ? target.Dest : target.A.URI.valueOf();
    if (!/^[\x00-\x7f]*$/.test(text)) {
      this.doc.annotate(x, y, width, height, linkAnnotation(target));
      return;
    }
    // As annotate() and PDFObject.convert() write it: the same keys in the same order, the box in
    // the page's transformation, numbers to six decimals, the string escaped.
    const doc = this.doc as unknown as PdfkitInternals;
    const [m0, m1, m2, m3, m4, m5] = doc._ctm;
    const x1 = m0 * x + m2 * (y + height) + m4;
    const y1 = m1 * x1 + m3 * (y + height) + m5;
    const x2 = m0 * (x + width) + m2 * y + m4;
    const y2 = m1 * x2 + m3 * y + m5;
    const literal = `(${text.replace(/[\n\r\t\b\f()\\]/g, (char) => literalEscapes[char])})`;
    const action = 'Dest' in target ? `/Dest ${literal}` : `/A <<\n/S /URI\n/URI ${literal}\n>>`;
    const rect = [x1, y1, x2, y2].map((n) => Math.round(n * 1e6) / 1e6).join(' ');
    const ref = this.doc.ref({}) as unknown as { id: number; offset: number };
    this.doc.page.annotations.push(ref as unknown as PDFKit.PDFKitReference);
    ref.offset = doc._offset;
    doc._write(`${ref.id} 0 obj\n<<\n/Subtype /Link\n${action}\n/Type /Annot\n/Rect [${rect}]\n/Border [0 0 0]\n/F 4\n>>\nendobj`);
    doc._refEnd(ref);
  }

  /**
   * Text in the standard fonts is written as PDF operators from each word's encoding (kerning
   * included), made once per document: pdfkit's text() measures and encodes every letter again on
   * each call, which was most of the time of a large report. Operators gather in one text object
   * per line (`flushText`); the embedded font goes through pdfkit.
   */
  private drawText(texts: readonly string[], style: Style, x: number, baseline: number): void {
    const y = pdfNumber(pageSize.height - (baseline - style.rise));
    let font: StandardFont | null = null;
    // The TJ array so far, without its closing parenthesis: a word's own array joins it as one
    // string, "(ab" + "cd" + ")" for "(ab)" and "(cd)".
    let array = '';
    let cursor = x;
    for (const text of texts) {
      for (const chunk of this.shape(text, style.font)) {
        const encoding = chunk.encoding;
        if (encoding === null) {
          if (font && array) this.showText(font, style, array);
          array = '';
          // In order, so that text extraction reads the letters in order.
          this.flushText();
          this.flushContent();
          this.doc
            .font(unicodeFont)
            .fontSize(style.size)
            .fillColor(style.color)
            .text(chunk.text, cursor, baseline - style.rise, { lineBreak: false, baseline: 'alphabetic', characterSpacing: style.tracking });
          cursor = this.doc.x + style.tracking;
          continue;
        }
        if (encoding.font !== font && font && array) {
          this.showText(font, style, array);
          array = '';
        }
        if (!array) {
          font = encoding.font;
          this.doc.page.fonts[font.id] ??= font.ref();
          this.textOperators += ` 1 0 0 1 ${pdfNumber(cursor)} ${y} Tm`;
        }
        array += array ? encoding.inner : encoding.array.slice(0, -1);
        cursor += encoding.width * style.size + style.tracking * chunk.text.length;
      }
    }
    if (font && array) this.showText(font, style, array);
  }

  private showText(font: StandardFont, style: Style, array: string): void {
    this.setTextState(font.id, style);
    this.textOperators += ` [${array})] TJ`;
  }

  private setTextState(fontId: string, style: Style): void {
    const state = this.textState;
    if (state.font !== fontId || state.size !== style.size) this.textOperators += ` /${fontId} ${pdfNumber(style.size)} Tf`;
    if (state.color !== style.color) this.textOperators += ` ${pdfRgb(style.color)}`;
    if (state.tracking !== style.tracking) this.textOperators += ` ${pdfNumber(style.tracking)} Tc`;
    this.textState = { font: fontId, size: style.size, color: style.color, tracking: style.tracking };
  }

  private flushText(): void {
    if (!this.textOperators) return;
    // pdfkit's page space is flipped (y down); text is set in the PDF's own space, as pdfkit does.
    this.addContent(`q 1 0 0 -1 0 ${pageSize.height} cm BT${this.textOperators} ET Q`);
    this.textOperators = '';
    this.textState = { ...noTextState };
  }

  private standardEncoding(fontName: string, text: string): Encoding {
    let metrics = this.standard.get(fontName);
    if (!metrics) {
      // The font object behind doc.font(): its resource id, its dictionary and its AFM metrics.
      // Not in pdfkit's types; pdfkit is pinned to one version in package.json.
      metrics = new StandardMetrics((this.doc.font(fontName) as unknown as { _font: StandardFont })._font);
      this.standard.set(fontName, metrics);
    }
    return metrics.encoding(text);
  }

  private measure(text: string, style: Style): number {
    let width = 0;
    for (const chunk of this.shape(text, style.font)) width += chunk.width * style.size + style.tracking * chunk.text.length;
    return width;
  }

  /** The text in chunks of one font each, encoded and measured once per document (a bounded cache). */
  private shape(text: string, font: FontStyle): ShapedChunk[] {
    const shapes = this.shapes[font];
    let shaped = shapes.get(text);
    if (shaped === undefined) {
      shaped = this.fontChunks(text, font).map((chunk): ShapedChunk => {
        if (chunk.font === unicodeFont) return { text: chunk.text, encoding: null, width: this.doc.font(unicodeFont).fontSize(1).widthOfString(chunk.text) };
        const encoding = this.standardEncoding(chunk.font, chunk.text);
        return { text: chunk.text, encoding, width: encoding.width };
      });
      if (shapes.size < 20_000) shapes.set(text, shaped);
    }
    return shaped;
  }

  /** The text cut into runs of one font each; letters no font here has become "?". */
  private fontChunks(text: string, font: FontStyle): FontChunk[] {
    if (winAnsiOnly.test(text)) return [{ text, font: standardFonts[font] }];
    const chunks: FontChunk[] = [];
    for (const char of text) {
      const standard = winAnsiOnly.test(char);
      const name = standard || !this.hasUnicodeGlyph(char) ? standardFonts[font] : unicodeFont;
      const shown = standard || name === unicodeFont ? char : '?';
      const last = chunks.at(-1);
      if (last?.font === name) last.text += shown;
      else chunks.push({ text: shown, font: name });
    }
    return chunks;
  }

  private hasUnicodeGlyph(char: string): boolean {
    if (!this.unicodeGlyphs) {
      // pdfkit keeps the fontkit font of an embedded font as `font`; it is not in pdfkit's types.
      const current = (this.doc.font(unicodeFont) as unknown as { _font: { font: { hasGlyphForCodePoint(codePoint: number): boolean } } })._font;
      this.unicodeGlyphs = (codePoint) => current.font.hasGlyphForCodePoint(codePoint);
    }
    return this.unicodeGlyphs(char.codePointAt(0)!);
  }

  /** A word wider than the column (a long URL), cut between letters into lines that fit. */
  private splitToFit(word: readonly Piece[], maxWidth: number): Piece[][] {
    const lines: Piece[][] = [[]];
    let width = 0;
    for (const piece of word) {
      for (const char of piece.text) {
        const charWidth = this.measure(char, piece.style);
        if (width + charWidth > maxWidth && width > 0) {
          lines.push([]);
          width = 0;
        }
        const line = lines[lines.length - 1];
        const last = line.at(-1);
        if (last?.style === piece.style) {
          last.text += char;
          last.width += charWidth;
        } else line.push({ text: char, style: piece.style, width: charWidth });
        width += charWidth;
      }
    }
    return lines;
  }

  /** The text shortened with "…" until it fits. */
  private fitWidth(text: string, style: Style, maxWidth: number): string {
    if (this.measure(text, style) <= maxWidth) return text;
    let fitted = [...text];
    while (fitted.length > 0 && this.measure(`${fitted.join('')}…`, style) > maxWidth) fitted = fitted.slice(0, -1);
    return `${fitted.join('').trimEnd()}…`;
  }
}

/**
 * A standard font's WinAnsi encoding, widths and kerning, read from pdfkit's AFM metrics into
 * tables as letters first occur (and words encoded once, see PdfFlow.shape): pdfkit's
 * encode() looks every letter and pair up by glyph name on each call, which was most of the time
 * of a large report. Gives what encode() gives: the same codes, widths and kerning.
 */
class StandardMetrics {
  /** WinAnsi code of each UTF-16 code unit seen, + 1 (0: not looked up yet). */
  private readonly codes = new Uint16Array(65536);
  /** Glyph names by WinAnsi code, for the codes seen. */
  private readonly glyphs: string[] = [];
  /** Advance widths (per 1,000 units of size) by WinAnsi code. */
  private readonly widths = new Float64Array(256);
  /** Kerning of a pair of WinAnsi codes (left * 256 + right); NaN: not looked up yet. */
  private readonly kerning = new Float64Array(65536).fill(Number.NaN);

  constructor(readonly font: StandardFont) {}

  encoding(text: string): Encoding {
    let array = '';
    let run = '';
    let width = 0;
    let next = text.length > 0 ? this.code(text.charCodeAt(0)) : 0;
    for (let index = 0; index < text.length; index++) {
      const code = next;
      const last = index === text.length - 1;
      let kerning = 0;
      if (!last) {
        next = this.code(text.charCodeAt(index + 1));
        kerning = this.kern(code, next);
      }
      width += this.widths[code] + kerning;
      // Into a PDF literal string, with backslash and parentheses escaped.
      run += code === 0x28 || code === 0x29 || code === 0x5c ? `\\${String.fromCharCode(code)}` : String.fromCharCode(code);
      if (kerning !== 0 || last) {
        array += `(${run})${kerning ? ` ${-kerning} ` : ''}`;
        run = '';
      }
    }
    return { font: this.font, array, inner: array.slice(1, -1), width: width / 1000 };
  }

  /** The WinAnsi code pdfkit writes for a code unit (fontChunks lets only WinAnsi letters through). */
  private code(unit: number): number {
    const known = this.codes[unit];
    if (known > 0) return known - 1;
    const code = parseInt(this.font.font.encodeText(String.fromCharCode(unit))[0], 16);
    if (!(code >= 0 && code <= 0xff)) throw new Error(`pdf: no WinAnsi code for U+${unit.toString(16)}`);
    const glyph = this.font.font.characterToGlyph(unit);
    this.glyphs[code] = glyph;
    this.widths[code] = this.font.font.widthOfGlyph(glyph);
    this.codes[unit] = code + 1;
    return code;
  }

  private kern(left: number, right: number): number {
    const pair = left * 256 + right;
    let amount = this.kerning[pair];
    if (Number.isNaN(amount)) {
      amount = this.font.font.getKernPair(this.glyphs[left], this.glyphs[right]);
      this.kerning[pair] = amount;
    }
    return amount;
  }
}

/**
 * Greedy line breaking at spaces. A word is never split where its style changes (a word and the
 * reference mark after it stay together); one wider than the line is cut between letters.
 */
class LineBreaker {
  private line: Piece[] = [];
  private lineWidth = 0;
  private spaces: Piece[] = [];
  private word: Piece[] = [];

  constructor(
    private readonly maxWidth: number,
    private readonly splitToFit: (word: readonly Piece[], maxWidth: number) => Piece[][],
    private readonly emit: (line: Piece[]) => void,
  ) {}

  add(piece: Piece, isSpace: boolean): void {
    if (isSpace) {
      this.placeWord();
      this.spaces.push(piece);
    } else this.word.push(piece);
  }

  lineBreak(): void {
    this.placeWord();
    this.spaces = [];
    this.endLine();
  }

  finish(): void {
    this.placeWord();
    if (this.line.length > 0) this.endLine();
  }

  private placeWord(): void {
    if (this.word.length === 0) return;
    const spaceWidth = sumWidths(this.spaces);
    const wordWidth = sumWidths(this.word);
    if (this.line.length > 0 && this.lineWidth + spaceWidth + wordWidth > this.maxWidth) this.endLine();
    else if (this.line.length > 0) {
      this.line.push(...this.spaces);
      this.lineWidth += spaceWidth;
    }
    this.spaces = [];
    if (wordWidth > this.maxWidth) {
      for (const part of this.splitToFit(this.word, this.maxWidth)) {
        if (this.line.length > 0) this.endLine();
        this.line.push(...part);
        this.lineWidth = sumWidths(part);
      }
    } else {
      this.line.push(...this.word);
      this.lineWidth += wordWidth;
    }
    this.word = [];
  }

  private endLine(): void {
    this.emit(this.line);
    this.line = [];
    this.lineWidth = 0;
  }
}

function resolve(run: Run, paragraph: Pick<ParagraphStyle, 'size' | 'font' | 'color' | 'tracking'>): Style {
  return {
    font: run.font ?? paragraph.font ?? 'regular',
    size: run.size ?? paragraph.size,
    color: run.color ?? paragraph.color ?? defaultColor,
    tracking: run.tracking ?? paragraph.tracking ?? 0,
    rise: run.rise ?? 0,
    background: run.background,
    underline: run.underline,
    link: run.link,
    goTo: run.goTo,
  };
}

/** Neighbouring pieces of one style become one fragment, placed from `left`. */
function fragmentsByStyle(pieces: readonly Piece[], left: number): Fragment[] {
  const fragments: Fragment[] = [];
  let x = left;
  for (const piece of pieces) {
    const last = fragments.at(-1);
    if (last?.style === piece.style) {
      last.texts.push(piece.text);
      last.width += piece.width;
    } else fragments.push({ texts: [piece.text], style: piece.style, x, width: piece.width });
    x += piece.width;
  }
  return fragments;
}

function sumWidths(pieces: readonly Piece[]): number {
  let width = 0;
  for (const piece of pieces) width += piece.width;
  return width;
}

/** What the flow uses of pdfkit's document beyond its types (pdfkit is pinned in package.json). */
interface PdfkitInternals {
  /** The current transformation matrix. */
  _ctm: [number, number, number, number, number, number];
  /** Bytes written so far: where the next object starts. */
  _offset: number;
  _write(data: string | Uint8Array): void;
  /** Records a written object's offset for the cross-reference table. */
  _refEnd(ref: unknown): void;
}

const literalEscapes: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\\': '\\\\', '(': '\\(', ')': '\\)' };

// @types/pdfkit spells the key "SubType"; the PDF format (and pdfkit) read "Subtype".
function linkAnnotation(target: { A: object } | { Dest: string }): PDFKit.Mixins.AnnotationOption {
  return { Subtype: 'Link', ...target } as unknown as PDFKit.Mixins.AnnotationOption;
}

function pdfNumber(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

const rgbOperators = new Map<string, string>();

/** The operator setting a #rrggbb colour for filling ("rg") or stroking ("RG"). */
function pdfRgb(hex: string, operator: 'rg' | 'RG' = 'rg'): string {
  const key = `${hex}${operator}`;
  let written = rgbOperators.get(key);
  if (written === undefined) {
    written = `${[1, 3, 5].map((index) => pdfNumber(parseInt(hex.slice(index, index + 2), 16) / 255)).join(' ')} ${operator}`;
    rgbOperators.set(key, written);
  }
  return written;
}
