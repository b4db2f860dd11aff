// One row per annotation (RFC 4180), safe to open in a spreadsheet.
import type { Report, ReportAnnotation } from './report-model';
import { noVerdictLabel } from './report-model';
import { sourceLabel } from './report-presentation';

// Excel and LibreOffice read UTF-8 (curly quotes, accents) correctly only with a byte order mark.
const byteOrderMark = '\uFEFF';

interface Column {
  header: string;
  value: (annotation: ReportAnnotation) => string;
}

const columns: Column[] = [
  { header: 'number', value: (a) => String(a.number) },
  { header: 'id', value: (a) => a.id },
  { header: 'verdict', value: (a) => a.verdict?.label ?? noVerdictLabel },
  { header: 'status', value: (a) => a.status },
  { header: 'quote', value: (a) => a.quote.exact },
  { header: 'start', value: (a) => String(a.position.start) },
  { header: 'end', value: (a) => String(a.position.end) },
  { header: 'orphaned', value: (a) => (a.orphaned ? 'yes' : 'no') },
  { header: 'rationale', value: (a) => a.rationale },
  { header: 'sources', value: (a) => a.sources.map((s) => `${sourceLabel(s)} <${s.url}>`).join(' | ') },
  { header: 'evidence', value: (a) => a.sources.flatMap((s) => (s.evidence ? [`${s.evidence.fileName} <${s.evidence.url}> sha256:${s.evidence.sha256}`] : [])).join(' | ') },
  { header: 'reviewer', value: (a) => a.author.name },
  { header: 'approver', value: (a) => a.approver?.name ?? '' },
  { header: 'approved_at', value: (a) => a.approvedAt?.toISOString() ?? '' },
  { header: 'created_at', value: (a) => a.createdAt.toISOString() },
];

/** Each change of the annotation's approved verdict, from the corrections log, one per line. */
function correctionsColumn(report: Report): Column {
  const byAnnotation = new Map<string, string[]>();
  for (const c of report.corrections ?? []) {
    const line = `${c.at.toISOString()} ${c.by}: ${c.from ?? 'no verdict'} → ${c.to ?? 'no verdict'}. ${c.note}`;
    byAnnotation.set(c.annotationId, [...(byAnnotation.get(c.annotationId) ?? []), line]);
  }
  return { header: 'corrections', value: (a) => (byAnnotation.get(a.id) ?? []).join('\n') };
}

const commentsColumn: Column = {
  header: 'comments',
  value: (a) => a.comments.map((c) => `${c.createdAt.toISOString()} ${c.author}: ${c.body}`).join('\n'),
};

export function toCsv(report: Report): string {
  const used = [...columns, correctionsColumn(report), ...(report.options.includeComments ? [commentsColumn] : [])];
  const rows = [
    used.map((column) => column.header),
    ...report.annotations.map((annotation) => used.map((column) => column.value(annotation))),
  ];
  return byteOrderMark + rows.map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}

/** One cell: defused against formula injection, then quoted when RFC 4180 requires it. */
export function csvCell(value: string): string {
  // A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
  const defused = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused;
}
