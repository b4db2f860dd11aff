// The report as a Word document (docx): the article with shaded, numbered passages that link to
// one section per annotation, and a summary table of verdicts.
import {
  Bookmark,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  InternalHyperlink,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ParagraphChild } from 'docx';
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

type Block = Paragraph | Table;

export async function toDocx(report: Report): Promise<Buffer> {
  const document = new Document({
    title: xmlText(report.article.title),
    subject: reportKicker,
    creator: 'Factcheck desk',
    description: `${reportKicker}: ${xmlText(report.article.title)}`,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children: reportBlocks(report) }],
  });
  return Packer.toBuffer(document);
}

function reportBlocks(report: Report): Block[] {
  const byNumber = new Map(report.annotations.map((annotation) => [annotation.number, annotation]));
  return [
    new Paragraph({ children: [new TextRun({ text: reportKicker.toUpperCase(), color: '57606A', size: 18 })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(xmlText(report.article.title))] }),
    ...metadataRows(report).map(
      (row) =>
        new Paragraph({
          children: [new TextRun({ text: `${row.label}: `, bold: true }), row.href ? hyperlink(row.value, row.href) : new TextRun(xmlText(row.value))],
        }),
    ),
    heading('Article', HeadingLevel.HEADING_1),
    ...articleParagraphs(report).map(
      (segments) => new Paragraph({ spacing: { after: 160 }, children: segments.flatMap((s) => segmentRuns(s, byNumber)) }),
    ),
    heading('Verdicts', HeadingLevel.HEADING_1),
    summaryTable(report),
    heading('Annotations', HeadingLevel.HEADING_1),
    ...report.annotations.flatMap((annotation) => annotationBlocks(annotation, report.options.includeComments)),
    ...correctionBlocks(report.corrections ?? []),
  ];
}

function segmentRuns(segment: TextSegment, byNumber: Map<number, ReportAnnotation>): ParagraphChild[] {
  const top = segment.innermost === null ? undefined : byNumber.get(segment.innermost);
  const text = xmlText(segment.text);
  const runs: ParagraphChild[] = [
    segment.innermost === null
      ? new TextRun(text)
      : new TextRun({
          text,
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: docxColor(highlightColors(top?.verdict ?? null).tint) },
          // Overlapping passages are underlined twice, like the HTML report.
          underline: segment.numbers.length > 1 ? { type: 'double' } : undefined,
        }),
  ];
  for (const number of segment.ending) {
    runs.push(
      new InternalHyperlink({
        anchor: bookmarkName(number),
        children: [new TextRun({ text: String(number), superScript: true, style: 'Hyperlink' })],
      }),
    );
  }
  return runs;
}

function summaryTable(report: Report): Table {
  const headerRow = new TableRow({
    tableHeader: true,
    children: ['Verdict', 'Annotations'].map(
      (label) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: label, bold: true })] })] }),
    ),
  });
  const rows = verdictSummary(report.annotations).map(
    (entry) =>
      new TableRow({
        children: [
          new TableCell({
            shading: { type: ShadingType.CLEAR, color: 'auto', fill: docxColor(highlightColors(entry.verdict).tint) },
            children: [new Paragraph(xmlText(entry.label))],
          }),
          new TableCell({ children: [new Paragraph(String(entry.count))] }),
        ],
      }),
  );
  return new Table({ width: { size: 60, type: WidthType.PERCENTAGE }, rows: [headerRow, ...rows] });
}

function annotationBlocks(annotation: ReportAnnotation, includeComments: boolean): Block[] {
  const blocks: Block[] = [
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      children: [new Bookmark({ id: bookmarkName(annotation.number), children: [new TextRun(xmlText(annotationHeading(annotation)))] })],
    }),
    new Paragraph({
      indent: { left: 400 },
      border: { left: { style: 'single', size: 12, color: docxColor(highlightColors(annotation.verdict).solid), space: 8 } },
      children: multilineRuns(annotation.quote.exact, { italics: true }),
    }),
  ];
  if (annotation.orphaned) blocks.push(new Paragraph({ children: [new TextRun({ text: orphanNotice, italics: true })] }));
  blocks.push(...textParagraphs(annotation.rationale));
  if (annotation.sources.length > 0) {
    blocks.push(subheading('Sources'), ...annotation.sources.map((source, index) => sourceParagraph(source, index + 1)));
  }
  blocks.push(new Paragraph({ children: multilineRuns(annotationPeople(annotation).join('\n'), { color: '57606A', size: 18 }) }));
  if (includeComments && annotation.comments.length > 0) {
    blocks.push(subheading('Comments'), ...annotation.comments.map(commentParagraph));
  }
  return blocks;
}

function sourceParagraph(source: ReportSource, position: number): Paragraph {
  const href = safeHttpUrl(source.url);
  const label = sourceLabel(source);
  const children: ParagraphChild[] = [new TextRun(`${position}. `)];
  children.push(href ? hyperlink(label, href) : new TextRun(xmlText(label === source.url ? label : `${label} (${source.url})`)));
  const details = sourceDetails(source);
  if (details) children.push(new TextRun(xmlText(`, ${details}`)));
  if (href && label !== href) children.push(new TextRun({ text: ` <${href}>`, color: '57606A', size: 18 }));
  if (source.evidence) {
    children.push(
      new TextRun({ text: 'Evidence: ', break: 1 }),
      hyperlink(source.evidence.fileName, source.evidence.url),
      new TextRun({ text: xmlText(` (${evidenceDetails(source.evidence)})`), color: '57606A', size: 18 }),
    );
  }
  if (source.excerpt.trim()) children.push(new TextRun({ text: '', break: 1 }), ...multilineRuns(`“${source.excerpt.trim()}”`, { italics: true }));
  return new Paragraph({ indent: { left: 200 }, children });
}

function commentParagraph(comment: ReportComment): Paragraph {
  return new Paragraph({
    indent: { left: 200 },
    children: [new TextRun({ text: xmlText(`${commentHeader(comment)}: `), bold: true }), ...multilineRuns(comment.body)],
  });
}

function correctionBlocks(corrections: ReportCorrection[]): Block[] {
  if (corrections.length === 0) return [];
  return [
    heading('Corrections', HeadingLevel.HEADING_1),
    ...corrections.map(
      (c) =>
        new Paragraph({
          children: [new TextRun({ text: xmlText(`${formatDateTime(c.at)}, ${c.by}: `), bold: true }), ...multilineRuns(c.text)],
        }),
    ),
  ];
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph {
  return new Paragraph({ heading: level, children: [new TextRun(text)] });
}

function subheading(text: string): Paragraph {
  return new Paragraph({ spacing: { before: 120 }, children: [new TextRun({ text, bold: true, color: '57606A', size: 18 })] });
}

function hyperlink(label: string, href: string): ExternalHyperlink {
  return new ExternalHyperlink({ link: href, children: [new TextRun({ text: xmlText(label), style: 'Hyperlink' })] });
}

/** Plain text as paragraphs: blank lines separate paragraphs, single line breaks stay breaks. */
function textParagraphs(text: string): Paragraph[] {
  return text
    .split(/\n\s*\n/)
    .filter((paragraph) => paragraph.trim().length > 0)
    .map((paragraph) => new Paragraph({ spacing: { after: 120 }, children: multilineRuns(paragraph.trim()) }));
}

interface RunStyle {
  italics?: boolean;
  color?: string;
  size?: number;
}

function multilineRuns(text: string, style: RunStyle = {}): TextRun[] {
  return text.split(/\r?\n/).map((line, index) => new TextRun({ ...style, text: xmlText(line), break: index > 0 ? 1 : undefined }));
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
