// Wording, colours and link rules shared by the document formats (HTML, Markdown, DOCX, PDF), so
// that every format says the same thing the same way.
import { formatDate } from '@/lib/format';
import type { AnnotationStatus, Report, ReportAnnotation, ReportComment, ReportEvidence, ReportSource, ReportVerdict } from './report-model';
import { describeEvidence } from '@/lib/evidence/evidence-file-type';
import { noVerdictLabel } from './report-model';

export const reportKicker = 'Fact-check report';

const statusLabels: Record<AnnotationStatus, string> = {
  DRAFT: 'Draft',
  SUBMITTED: 'Submitted',
  APPROVED: 'Approved',
  CHANGES_REQUESTED: 'Changes requested',
};

export function statusLabel(status: AnnotationStatus): string {
  return statusLabels[status];
}

export function verdictLabel(annotation: ReportAnnotation): string {
  return annotation.verdict?.label ?? noVerdictLabel;
}

/** "3. Mostly false" */
export function annotationHeading(annotation: ReportAnnotation): string {
  return `${annotation.number}. ${verdictLabel(annotation)}`;
}

/** Anchor name of an annotation's entry, shared by the formats that link to it. */
export function annotationAnchor(annotation: Pick<ReportAnnotation, 'number'>): string {
  return `annotation-${annotation.number}`;
}

export interface MetadataRow {
  label: string;
  value: string;
  /** Set when the value is a link that is safe to follow. */
  href?: string;
}

export function metadataRows(report: Report): MetadataRow[] {
  const { article } = report;
  const rows: MetadataRow[] = [{ label: 'Outlet', value: article.outlet }];
  if (article.author) rows.push({ label: 'Author', value: article.author });
  if (article.publishedAt) rows.push({ label: 'Published', value: formatDate(article.publishedAt) });
  if (article.url) rows.push({ label: 'Original', value: article.url, href: safeHttpUrl(article.url) ?? undefined });
  const scope = report.options.approvedOnly ? 'approved only' : 'all statuses, including unapproved';
  rows.push({ label: 'Annotations', value: `${report.annotations.length} (${scope})` });
  rows.push({ label: 'Generated', value: `${formatDateTime(report.generatedAt)} by ${report.generatedBy.name}` });
  return rows;
}

/** Who wrote and who approved an annotation, one line each. */
export function annotationPeople(annotation: ReportAnnotation): string[] {
  const lines = [`Reviewer: ${annotation.author.name}`];
  if (annotation.status === 'APPROVED') {
    const by = annotation.approver ? ` by ${annotation.approver.name}` : '';
    const on = annotation.approvedAt ? `, ${formatDate(annotation.approvedAt)}` : '';
    lines.push(`Approved${by}${on}`);
  } else {
    lines.push(`Status: ${statusLabel(annotation.status)} (not approved)`);
  }
  return lines;
}

export const orphanNotice = 'This passage could no longer be found in the current text of the article.';

export function sourceLabel(source: ReportSource): string {
  return source.title.trim() || source.publisher.trim() || source.url;
}

/** Publisher and access date, when known: "Reuters, accessed 3 March 2026". */
export function sourceDetails(source: ReportSource): string {
  const parts: string[] = [];
  if (source.publisher.trim() && source.publisher.trim() !== sourceLabel(source)) parts.push(source.publisher.trim());
  if (source.accessedAt) parts.push(`accessed ${formatDate(source.accessedAt)}`);
  return parts.join(', ');
}

/** "Evidence: page.png (PNG, 240 KB), SHA-256 9f86d0…", without the link, which each format makes its own way. */
export function evidenceDetails(evidence: ReportEvidence): string {
  return `${describeEvidence(evidence)}, SHA-256 ${evidence.sha256}`;
}

export function commentHeader(comment: ReportComment): string {
  return `${comment.author}, ${formatDateTime(comment.createdAt)}`;
}

export function formatDateTime(date: Date): string {
  return `${formatDate(date)}, ${date.toISOString().slice(11, 16)} UTC`;
}

/** The URL normalized, when it is an absolute http(s) URL; anything else must not become a link. */
export function safeHttpUrl(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

const neutralColor = '#6b7280';

export interface HighlightColors {
  /** The verdict colour itself (#rrggbb), for borders and swatches. */
  solid: string;
  /** A light tint of it (#rrggbb) that dark text stays readable on. */
  tint: string;
}

export function highlightColors(verdict: ReportVerdict | null): HighlightColors {
  const solid = normalizeHex(verdict?.color) ?? neutralColor;
  return { solid, tint: mixWithWhite(solid, 0.28) };
}

// Colours are admin-entered data that lands in CSS and XML: accept only #rgb / #rrggbb.
function normalizeHex(color: string | undefined): string | null {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color?.trim() ?? '');
  if (!match) return null;
  const hex = match[1].length === 3 ? [...match[1]].map((digit) => digit + digit).join('') : match[1];
  return `#${hex.toLowerCase()}`;
}

function mixWithWhite(hex: string, share: number): string {
  const channels = [1, 3, 5].map((index) => parseInt(hex.slice(index, index + 2), 16));
  const mixed = channels.map((channel) => Math.round(255 - (255 - channel) * share));
  return `#${mixed.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}
