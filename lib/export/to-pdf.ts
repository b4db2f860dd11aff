// The report as a PDF (A4), drawn with pdfkit through a streaming text flow (pdf-flow.ts): each
// paragraph is laid out and drawn as it comes, so 2,000 annotations on 20,000 words take seconds
// and tens of MB. Built-in Helvetica, plus an embedded font for other letters; nothing is fetched.
import type { PlacedLine, Run, RunStyle } from './pdf-flow';
import { PdfFlow } from './pdf-flow';
import type { Report, ReportAnnotation, ReportComment, ReportCorrection, ReportSource, VerdictCount } from './report-model';
import { verdictSummary } from './report-model';
import {
  annotationAnchor,
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

const colors = { muted: '#57606a', rule: '#d0d7de', link: '#0b5cad', quote: '#424a53', orphan: '#9a3412' };

const body = { size: 10, leading: 1.45 };
const listItem = { ...body, indent: 24, spaceAfter: 2 };

export async function toPdf(report: Report): Promise<Buffer> {
  const { article } = report;
  const flow = new PdfFlow({ title: article.title, subject: reportKicker, footer: `${reportKicker}: ${article.title}`, createdAt: report.generatedAt });
  flow.paragraph([{ text: reportKicker.toUpperCase() }], { size: 8, leading: 1.4, color: colors.muted, tracking: 0.5, spaceAfter: 4 });
  flow.paragraph([{ text: article.title }], { size: 20, leading: 1.2, font: 'bold', spaceAfter: 10 });
  for (const row of metadataRows(report)) {
    const value: Run = row.href ? { text: row.value, color: colors.link, underline: colors.link, link: row.href } : { text: row.value };
    flow.paragraph([value], { ...body, indent: 80, spaceAfter: 2, onLine: beside(flow, { text: row.label, font: 'bold' }, 0) });
  }

  sectionHeading(flow, 'Article');
  const byNumber = new Map(report.annotations.map((annotation) => [annotation.number, annotation]));
  for (const segments of articleParagraphs(report)) {
    flow.paragraph(paragraphRuns(segments, byNumber), { size: 10.5, leading: 1.55, spaceAfter: 8 });
  }

  const verdictCounts = verdictSummary(report.annotations);
  // The table stays with its heading, unless it is longer than half a page.
  sectionHeading(flow, 'Verdicts', Math.min((verdictCounts.length + 1) * tableRowHeight, 360));
  summaryTable(flow, verdictCounts);

  sectionHeading(flow, 'Annotations');
  report.annotations.forEach((annotation, index) => annotationEntry(flow, annotation, report.options.includeComments, index === 0));

  corrections(flow, report.corrections ?? []);
  return flow.finish();
}

/** A section title with a rule under it, kept on the same page as the start of what follows. */
function sectionHeading(flow: PdfFlow, title: string, keepWith = 50): void {
  flow.keepSpace(keepWith + 40);
  flow.space(18);
  flow.bookmark(title);
  flow.paragraph([{ text: title }], { size: 14, leading: 1.3, font: 'bold', spaceAfter: 3 });
  flow.rule(colors.rule);
  flow.space(8);
}

/** Draws `run` in the gutter left of a paragraph's first line, `offset` points from the margin. */
function beside(flow: PdfFlow, run: Run, offset: number): (line: PlacedLine) => void {
  return (line) => {
    if (line.index === 0) flow.textAt(run, flow.left + offset, line.baseline);
  };
}

/**
 * A paragraph of the article: each stretch on its verdict's tint where passages cover it
 * (underlined where they overlap), followed by the numbers of the passages ending there; a number
 * goes before a trailing space, so that it stays with the word it follows, and numbers that meet
 * are separated by commas.
 */
function paragraphRuns(segments: readonly TextSegment[], byNumber: Map<number, ReportAnnotation>): Run[] {
  const runs: Run[] = [];
  const mark = { size: 7, rise: 4, color: colors.link };
  let afterMark = false;
  for (const segment of segments) {
    const style = passageStyle(segment, byNumber);
    const text = segment.ending.length > 0 ? segment.text.trimEnd() : segment.text;
    if (text) {
      runs.push({ ...style, text });
      afterMark = false;
    }
    for (const number of segment.ending) {
      if (afterMark) runs.push({ ...mark, text: ',' });
      runs.push({ ...mark, text: String(number), goTo: annotationAnchor({ number }) });
      afterMark = true;
    }
    if (text.length < segment.text.length) {
      runs.push({ ...style, text: segment.text.slice(text.length) });
      afterMark = false;
    }
  }
  return runs;
}

function passageStyle(segment: TextSegment, byNumber: Map<number, ReportAnnotation>): RunStyle {
  if (segment.innermost === null) return {};
  const { solid, tint } = highlightColors(byNumber.get(segment.innermost)?.verdict ?? null);
  return { background: tint, underline: segment.numbers.length > 1 ? solid : undefined };
}

const tableRowHeight = body.size * body.leading + 7;

function summaryTable(flow: PdfFlow, entries: readonly VerdictCount[]): void {
  const countRight = flow.left + 260;
  const row = { ...body, indent: 18, width: 170 };
  flow.paragraph([{ text: 'Verdict', font: 'bold' }], {
    ...row,
    onLine: (line) => flow.textAt({ text: 'Annotations', font: 'bold' }, countRight, line.baseline, 'right'),
  });
  for (const entry of entries) {
    flow.space(3);
    flow.rule(colors.rule, 260);
    flow.space(4);
    flow.paragraph([{ text: entry.label }], {
      ...row,
      onLine: (line) => {
        if (line.index > 0) return;
        flow.fillRect(flow.left + 2, line.baseline - 8, 9, 9, highlightColors(entry.verdict).solid);
        flow.textAt({ text: String(entry.count) }, countRight, line.baseline, 'right');
      },
    });
  }
  flow.space(3);
  flow.rule(colors.rule, 260);
}

function annotationEntry(flow: PdfFlow, annotation: ReportAnnotation, includeComments: boolean, first: boolean): void {
  const { solid } = highlightColors(annotation.verdict);
  // The heading, its rule and the quote's first lines stay together.
  flow.keepSpace(80);
  if (!first) {
    flow.space(6);
    flow.rule(colors.rule);
    flow.space(8);
  }
  flow.destination(annotationAnchor(annotation));
  flow.paragraph([{ text: annotationHeading(annotation) }], {
    size: 11,
    leading: 1.3,
    font: 'bold',
    indent: 15,
    spaceAfter: 4,
    onLine: (line) => {
      if (line.index === 0) flow.fillRect(flow.left, line.baseline - 8.5, 9.5, 9.5, solid);
    },
  });
  flow.paragraph([{ text: annotation.quote.exact }], {
    ...body,
    font: 'italic',
    color: colors.quote,
    indent: 11,
    spaceAfter: 6,
    onLine: (line) => flow.fillRect(flow.left, line.top, 3, line.height, solid),
  });
  if (annotation.orphaned) flow.paragraph([{ text: orphanNotice }], { ...body, font: 'italic', color: colors.orphan, spaceAfter: 4 });
  if (annotation.rationale.trim()) flow.paragraph([{ text: annotation.rationale.trim() }], { ...body, spaceAfter: 4 });
  if (annotation.sources.length > 0) {
    smallHeading(flow, 'Sources');
    annotation.sources.forEach((source, index) => sourceEntry(flow, source, index + 1));
  }
  const people = annotationPeople(annotation);
  const peopleStyle = { size: 8.5, leading: 1.45, color: colors.muted };
  flow.keepSpace(people.length * peopleStyle.size * peopleStyle.leading + 4);
  flow.space(4);
  flow.paragraph([{ text: people.join('\n') }], peopleStyle);
  if (includeComments && annotation.comments.length > 0) {
    smallHeading(flow, 'Comments');
    for (const comment of annotation.comments) commentEntry(flow, comment);
  }
}

function smallHeading(flow: PdfFlow, title: string): void {
  flow.keepSpace(30);
  flow.space(4);
  flow.paragraph([{ text: title.toUpperCase() }], { size: 7.5, leading: 1.6, font: 'bold', color: colors.muted, tracking: 0.5 });
}

/** One numbered source: its title linked, publisher and date, and the address spelled out for print. */
function sourceEntry(flow: PdfFlow, source: ReportSource, position: number): void {
  const href = safeHttpUrl(source.url);
  const label = sourceLabel(source);
  const details = sourceDetails(source);
  const runs: Run[] = [href ? { text: label, color: colors.link, underline: colors.link, link: href } : { text: label }];
  if (details) runs.push({ text: `, ${details}` });
  if (label !== source.url) runs.push({ text: ` <${href ?? source.url}>`, color: colors.muted });
  flow.paragraph(runs, { ...listItem, onLine: beside(flow, { text: `${position}.` }, 10) });
  if (source.excerpt.trim()) {
    flow.paragraph([{ text: `“${source.excerpt.trim().replace(/\s+/g, ' ')}”`, font: 'italic', color: colors.muted }], { ...listItem, indent: 10 });
  }
  if (source.evidence) {
    const evidence = source.evidence;
    flow.paragraph(
      [
        { text: 'Evidence: ', font: 'bold' },
        { text: evidence.fileName, color: colors.link, underline: colors.link, link: evidence.url },
        { text: ` (${evidenceDetails(evidence)})`, color: colors.muted },
      ],
      { ...listItem, indent: 10 },
    );
  }
}

function commentEntry(flow: PdfFlow, comment: ReportComment): void {
  flow.paragraph([{ text: `${commentHeader(comment)}: `, font: 'bold' }, { text: comment.body }], { ...listItem, indent: 10 });
}

function corrections(flow: PdfFlow, entries: ReportCorrection[]): void {
  if (entries.length === 0) return;
  sectionHeading(flow, 'Corrections');
  for (const correction of entries) {
    flow.paragraph([{ text: `${formatDateTime(correction.at)}, ${correction.by}: `, font: 'bold' }, { text: correction.text }], { ...body, spaceAfter: 4 });
  }
}
