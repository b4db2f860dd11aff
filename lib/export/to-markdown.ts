// The report as GitHub-flavoured Markdown: annotated passages in bold with footnote references,
// then one section per annotation. Every piece of user text is escaped.
import type { Report, ReportAnnotation, ReportComment, ReportCorrection, ReportSource } from './report-model';
import { verdictSummary } from './report-model';
import {
  annotationHeading,
  annotationPeople,
  commentHeader,
  formatDateTime,
  metadataRows,
  orphanNotice,
  reportKicker,
  safeHttpUrl,
  sourceDetails,
  evidenceDetails,
  sourceLabel,
  verdictLabel,
} from './report-presentation';
import type { TextSegment } from './text-segments';
import { articleParagraphs } from './text-segments';

export function toMarkdown(report: Report): string {
  const blocks = [
    `# ${escapeInline(report.article.title)}`,
    `*${reportKicker}*`,
    metadataRows(report)
      .map((row) => `- **${row.label}:** ${row.href ? link(row.value, row.href) : escapeInline(row.value)}`)
      .join('\n'),
    '## Article',
    ...articleParagraphs(report).map(paragraphMarkdown),
    '## Verdicts',
    summaryTable(report),
    '## Annotations',
    ...report.annotations.flatMap((annotation) => annotationBlocks(annotation, report.options.includeComments)),
    ...correctionBlocks(report.corrections ?? []),
    ...report.annotations.filter((a) => !a.orphaned).map(footnoteDefinition),
  ];
  return blocks.filter((block) => block.length > 0).join('\n\n') + '\n';
}

/** One article paragraph; each stretch of highlighted text is one bold run, so runs never touch. */
function paragraphMarkdown(segments: TextSegment[]): string {
  let out = '';
  let run: TextSegment[] = [];
  const flush = () => {
    out += boldRun(run);
    run = [];
  };
  segments.forEach((segment, index) => {
    if (segment.numbers.length > 0) {
      run.push(segment);
      return;
    }
    flush();
    out += index === 0 ? escapeLine(segment.text) : escapeInline(segment.text);
  });
  flush();
  return out.trimStart();
}

function boldRun(run: TextSegment[]): string {
  if (run.length === 0) return '';
  const last = run[run.length - 1];
  let inner = '';
  for (const segment of run) inner += escapeInline(segment.text) + (segment === last ? '' : footnoteRefs(segment.ending));
  // Emphasis delimiters must not touch whitespace, or Markdown reads them as literal asterisks;
  // the run's last references go after the closing delimiter for the same reason.
  const [, before, body, after] = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner) ?? ['', '', inner, ''];
  const refs = footnoteRefs(last.ending);
  return body ? `${before}**${body}**${refs}${after}` : `${inner}${refs}`;
}

function footnoteRefs(numbers: number[]): string {
  return numbers.map((number) => `[^${number}]`).join('');
}

function footnoteDefinition(annotation: ReportAnnotation): string {
  return `[^${annotation.number}]: ${escapeInline(verdictLabel(annotation))}, see annotation ${annotation.number} below.`;
}

function summaryTable(report: Report): string {
  const rows = verdictSummary(report.annotations).map((entry) => `| ${escapeInline(entry.label)} | ${entry.count} |`);
  return ['| Verdict | Annotations |', '| --- | ---: |', ...rows].join('\n');
}

function annotationBlocks(annotation: ReportAnnotation, includeComments: boolean): string[] {
  const blocks = [
    `### ${escapeInline(annotationHeading(annotation))}`,
    annotation.quote.exact
      .split('\n')
      .map((line) => `> ${escapeLine(line)}`)
      .join('\n'),
  ];
  if (annotation.orphaned) blocks.push(`*${escapeInline(orphanNotice)}*`);
  blocks.push(...paragraphsOf(annotation.rationale));
  if (annotation.sources.length > 0) {
    blocks.push('**Sources**', annotation.sources.map((source, i) => `${i + 1}. ${sourceLine(source)}`).join('\n'));
  }
  blocks.push(annotationPeople(annotation).map(escapeLine).join('\\\n'));
  if (includeComments && annotation.comments.length > 0) {
    blocks.push('**Comments**', annotation.comments.map(commentLine).join('\n'));
  }
  return blocks;
}

function sourceLine(source: ReportSource): string {
  const href = safeHttpUrl(source.url);
  const label = sourceLabel(source);
  const target = href ? link(label, href) : `${escapeInline(label)} (${escapeInline(source.url)})`;
  const details = sourceDetails(source);
  const line = details ? `${target}, ${escapeInline(details)}` : target;
  const evidence = source.evidence
    ? `\\\n   Evidence: ${link(source.evidence.fileName, source.evidence.url)} (${escapeInline(evidenceDetails(source.evidence))})`
    : '';
  const excerpt = linesOf(source.excerpt).filter(Boolean);
  return `${line}${evidence}${excerpt.length > 0 ? `\n\n${excerpt.map((l) => `   > ${escapeInline(l)}`).join('\n')}\n` : ''}`;
}

function commentLine(comment: ReportComment): string {
  return `- **${escapeInline(commentHeader(comment))}:** ${linesOf(comment.body).map(escapeInline).join('\\\n  ')}`;
}

function correctionBlocks(corrections: ReportCorrection[]): string[] {
  if (corrections.length === 0) return [];
  const items = corrections.map(
    (c) => `- **${escapeInline(`${formatDateTime(c.at)}, ${c.by}`)}:** ${linesOf(c.text).map(escapeInline).join('\\\n  ')}`,
  );
  return ['## Corrections', items.join('\n')];
}

/** Plain text as Markdown paragraphs: blank lines separate paragraphs, single line breaks stay. */
function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => linesOf(paragraph).map(escapeLine).join('\\\n'))
    .filter((paragraph) => paragraph.length > 0);
}

function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

function link(label: string, href: string): string {
  // The <…> form keeps parentheses in the URL; safeHttpUrl has already percent-encoded < > and spaces.
  return `[${escapeInline(label)}](<${href}>)`;
}

// Every ASCII punctuation character may be backslash-escaped in CommonMark; these are the ones
// that can start markup inline (emphasis, links and images, HTML, entities, tables, math, strikethrough).
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|~#&$]/g, '\\$&').replace(/\r?\n/g, ' ');
}

/** Escapes text that starts a line, where list markers, headings and rules are recognized too. */
function escapeLine(text: string): string {
  return escapeInline(text.trimStart())
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}
