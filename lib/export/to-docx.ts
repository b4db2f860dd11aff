// The report as a Word document (docx): the article with shaded, numbered passages that link to
// one section per annotation, and a summary table of verdicts.
//
// The `docx` library writes the package (styles, settings, properties, content types), but the
// body, tens of thousands of runs for a large report, is written here straight as WordprocessingML
// text, the same XML the library writes for the same paragraphs and runs: the library's object
// per run, attribute and property, and its passes to turn them into XML, took seconds of CPU and
// hundreds of MB for a report of 2,000 annotations. The files are zipped with Node's zlib (see
// docx-package.ts).
import { Document, Paragraph, TextRun } from 'docx';
import type { Report, ReportAnnotation, ReportComment, ReportCorrection, ReportSource } from './report-model';
import { verdictSummary } from './report-model';
import {
  annotationHeading,
  annotationPeople,
  commentHeader,
  formatDateTime,
  highlightColors,
  metadataRows,
  orphanNotice,
  reportKicker,
  safeHttpUrl,
  sourceDetails,
  evidenceDetails,
  sourceLabel,
} from './report-presentation';
import type { TextSegment } from './text-segments';
import { articleParagraphs } from './text-segments';
import { packDocx, type DocxHyperlink } from './docx-package';

// The paragraph the library writes for the body, replaced by the report's own.
const placeholder = 'factcheck-report-body';

export async function toDocx(report: Report): Promise<Buffer> {
  const document = new Document({
    title: xmlText(report.article.title),
    subject: reportKicker,
    creator: 'Factcheck desk',
    description: `${reportKicker}: ${xmlText(report.article.title)}`,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children: [new Paragraph({ children: [new TextRun(placeholder)] })] }],
  });
  const body = new BodyWriter();
  writeReport(body, report);
  return packDocx(document, {
    placeholder: `<w:p><w:r><w:t xml:space="preserve">${placeholder}</w:t></w:r></w:p>`,
    body: body.xml,
    hyperlinks: body.hyperlinks,
    modifiedAt: report.generatedAt,
  });
}

/** Run formatting, as the report uses it; written in the order Word's schema (and the library) want. */
interface RunStyle {
  /** A character style: "Hyperlink". */
  style?: string;
  bold?: boolean;
  italics?: boolean;
  /** RRGGBB */
  color?: string;
  /** Half-points. */
  size?: number;
  underline?: 'double';
  /** RRGGBB, a clear shading of that fill. */
  shading?: string;
  superScript?: boolean;
  /** A line break before the text. */
  break?: boolean;
}

/** The body's XML, written as the report goes, and the external links it makes. */
class BodyWriter {
  xml = '';
  readonly hyperlinks: DocxHyperlink[] = [];
  /** The run properties' XML by style, made once each: most runs share a handful. */
  private readonly runProperties = new Map<string, string>();

  /** A paragraph of `children` (runs and links already written), with its properties' XML. */
  paragraph(children: string, properties = ''): void {
    this.xml += `<w:p>${properties ? `<w:pPr>${properties}</w:pPr>` : ''}${children}</w:p>`;
  }

  run(text: string, style: RunStyle = {}): string {
    return `<w:r>${this.properties(style)}${style.break ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
  }

  /** A link to an http(s) address, kept as a relationship of the document. */
  externalLink(label: string, href: string): string {
    const id = `rIdLink${this.hyperlinks.length + 1}`;
    this.hyperlinks.push({ id, target: href });
    return `<w:hyperlink w:history="1" r:id="${id}">${this.run(xmlText(label), { style: 'Hyperlink' })}</w:hyperlink>`;
  }

  internalLink(anchor: string, runs: string): string {
    return `<w:hyperlink w:history="1" w:anchor="${escapeXml(anchor)}">${runs}</w:hyperlink>`;
  }

  private properties(style: RunStyle): string {
    const key = `${style.style ?? ''}|${style.bold ? 1 : 0}${style.italics ? 1 : 0}|${style.color ?? ''}|${style.size ?? ''}|${style.underline ?? ''}|${style.shading ?? ''}|${style.superScript ? 1 : 0}`;
    let xml = this.runProperties.get(key);
    if (xml === undefined) {
      xml = '';
      if (style.style) xml += `<w:rStyle w:val="${escapeXml(style.style)}"/>`;
      if (style.bold) xml += '<w:b/><w:bCs/>';
      if (style.italics) xml += '<w:i/><w:iCs/>';
      if (style.color) xml += `<w:color w:val="${style.color}"/>`;
      if (style.size !== undefined) xml += `<w:sz w:val="${style.size}"/><w:szCs w:val="${style.size}"/>`;
      if (style.underline) xml += `<w:u w:val="${style.underline}"/>`;
      if (style.shading) xml += `<w:shd w:fill="${style.shading}" w:color="auto" w:val="clear"/>`;
      if (style.superScript) xml += '<w:vertAlign w:val="superscript"/>';
      if (xml) xml = `<w:rPr>${xml}</w:rPr>`;
      this.runProperties.set(key, xml);
    }
    return xml;
  }
}

const muted = { color: '57606A', size: 18 } as const;

function writeReport(body: BodyWriter, report: Report): void {
  const byNumber = new Map(report.annotations.map((annotation) => [annotation.number, annotation]));
  body.paragraph(body.run(reportKicker.toUpperCase(), muted));
  body.paragraph(body.run(xmlText(report.article.title)), styleProperty('Title'));
  for (const row of metadataRows(report)) {
    body.paragraph(body.run(`${row.label}: `, { bold: true }) + (row.href ? body.externalLink(row.value, row.href) : body.run(xmlText(row.value))));
  }
  heading(body, 'Article', 'Heading1');
  for (const segments of articleParagraphs(report)) {
    let children = '';
    for (const segment of segments) children += segmentRuns(body, segment, byNumber);
    body.paragraph(children, '<w:spacing w:after="160"/>');
  }
  heading(body, 'Verdicts', 'Heading1');
  summaryTable(body, report);
  heading(body, 'Annotations', 'Heading1');
  for (const annotation of report.annotations) annotationBlocks(body, annotation, report.options.includeComments);
  correctionBlocks(body, report.corrections ?? []);
}

function segmentRuns(body: BodyWriter, segment: TextSegment, byNumber: Map<number, ReportAnnotation>): string {
  const text = xmlText(segment.text);
  let xml: string;
  if (segment.innermost === null) xml = body.run(text);
  else {
    const top = byNumber.get(segment.innermost);
    xml = body.run(text, {
      shading: docxColor(highlightColors(top?.verdict ?? null).tint),
      // Overlapping passages are underlined twice, like the HTML report.
      underline: segment.numbers.length > 1 ? 'double' : undefined,
    });
  }
  for (const number of segment.ending) {
    xml += body.internalLink(bookmarkName(number), body.run(String(number), { style: 'Hyperlink', superScript: true }));
  }
  return xml;
}

// The library's table of 60% width and two columns, with its default borders and grid.
const tableStart =
  '<w:tbl><w:tblPr><w:tblW w:type="pct" w:w="3000"/><w:tblBorders>' +
  ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} w:val="single" w:color="auto" w:sz="4"/>`).join('') +
  '</w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w="2708"/><w:gridCol w:w="2708"/></w:tblGrid>';

function summaryTable(body: BodyWriter, report: Report): void {
  const cell = (text: string, style: RunStyle = {}, shading?: string) =>
    `<w:tc>${shading ? `<w:tcPr><w:shd w:fill="${shading}" w:color="auto" w:val="clear"/></w:tcPr>` : ''}<w:p>${body.run(text, style)}</w:p></w:tc>`;
  let xml = `${tableStart}<w:tr><w:trPr><w:tblHeader/></w:trPr>${cell('Verdict', { bold: true })}${cell('Annotations', { bold: true })}</w:tr>`;
  for (const entry of verdictSummary(report.annotations)) {
    xml += `<w:tr>${cell(xmlText(entry.label), {}, docxColor(highlightColors(entry.verdict).tint))}${cell(String(entry.count))}</w:tr>`;
  }
  body.xml += `${xml}</w:tbl>`;
}

function annotationBlocks(body: BodyWriter, annotation: ReportAnnotation, includeComments: boolean): void {
  const name = bookmarkName(annotation.number);
  // Bookmark ids only have to be unique in the document: the annotation's number is.
  body.paragraph(
    `<w:bookmarkStart w:name="${name}" w:id="${annotation.number}"/>${body.run(xmlText(annotationHeading(annotation)))}<w:bookmarkEnd w:id="${annotation.number}"/>`,
    styleProperty('Heading2'),
  );
  const solid = docxColor(highlightColors(annotation.verdict).solid);
  body.paragraph(
    multilineRuns(body, annotation.quote.exact, { italics: true }),
    `<w:pBdr><w:left w:val="single" w:color="${solid}" w:sz="12" w:space="8"/></w:pBdr><w:ind w:left="400"/>`,
  );
  if (annotation.orphaned) body.paragraph(body.run(orphanNotice, { italics: true }));
  textParagraphs(body, annotation.rationale);
  if (annotation.sources.length > 0) {
    subheading(body, 'Sources');
    annotation.sources.forEach((source, index) => sourceParagraph(body, source, index + 1));
  }
  body.paragraph(multilineRuns(body, annotationPeople(annotation).join('\n'), muted));
  if (includeComments && annotation.comments.length > 0) {
    subheading(body, 'Comments');
    for (const comment of annotation.comments) commentParagraph(body, comment);
  }
}

function sourceParagraph(body: BodyWriter, source: ReportSource, position: number): void {
  const href = safeHttpUrl(source.url);
  const label = sourceLabel(source);
  let children = body.run(`${position}. `);
  children += href ? body.externalLink(label, href) : body.run(xmlText(label === source.url ? label : `${label} (${source.url})`));
  const details = sourceDetails(source);
  if (details) children += body.run(xmlText(`, ${details}`));
  if (href && label !== href) children += body.run(` <${href}>`, muted);
  if (source.evidence) {
    children +=
      body.run('Evidence: ', { break: true }) +
      body.externalLink(source.evidence.fileName, source.evidence.url) +
      body.run(xmlText(` (${evidenceDetails(source.evidence)})`), muted);
  }
  if (source.excerpt.trim()) children += body.run('', { break: true }) + multilineRuns(body, `“${source.excerpt.trim()}”`, { italics: true });
  body.paragraph(children, '<w:ind w:left="200"/>');
}

function commentParagraph(body: BodyWriter, comment: ReportComment): void {
  body.paragraph(body.run(xmlText(`${commentHeader(comment)}: `), { bold: true }) + multilineRuns(body, comment.body), '<w:ind w:left="200"/>');
}

function correctionBlocks(body: BodyWriter, corrections: ReportCorrection[]): void {
  if (corrections.length === 0) return;
  heading(body, 'Corrections', 'Heading1');
  for (const c of corrections) {
    body.paragraph(body.run(xmlText(`${formatDateTime(c.at)}, ${c.by}: `), { bold: true }) + multilineRuns(body, c.text));
  }
}

function styleProperty(style: string): string {
  return `<w:pStyle w:val="${style}"/>`;
}

function heading(body: BodyWriter, text: string, style: 'Heading1'): void {
  body.paragraph(body.run(text), styleProperty(style));
}

function subheading(body: BodyWriter, text: string): void {
  body.paragraph(body.run(text, { bold: true, ...muted }), '<w:spacing w:before="120"/>');
}

/** Plain text as paragraphs: blank lines separate paragraphs, single line breaks stay breaks. */
function textParagraphs(body: BodyWriter, text: string): void {
  for (const paragraph of text.split(/\n\s*\n/)) {
    if (paragraph.trim().length > 0) body.paragraph(multilineRuns(body, paragraph.trim()), '<w:spacing w:after="120"/>');
  }
}

function multilineRuns(body: BodyWriter, text: string, style: RunStyle = {}): string {
  let xml = '';
  text.split(/\r?\n/).forEach((line, index) => {
    xml += body.run(xmlText(line), index > 0 ? { ...style, break: true } : style);
  });
  return xml;
}

// Word bookmark names: a letter first, then letters, digits and underscores, at most 40 characters.
function bookmarkName(number: number): string {
  return `annotation_${number}`;
}

function docxColor(hex: string): string {
  return hex.replace('#', '').toUpperCase();
}

// XML 1.0 cannot carry most control characters; one in user text would make Word reject the file.
function xmlText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

const xmlEscapes: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** Text or an attribute value as XML, escaped as the library escapes it (control characters dropped). */
function escapeXml(text: string): string {
  return text.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (char) => xmlEscapes[char] ?? '');
}
