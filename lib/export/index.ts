// The export formats of a report and the one entry point that renders any of them.
import type { Report } from './report-model';
import { reportFileName } from './report-model';
import { toCsv } from './to-csv';
import { toHtml } from './to-html';
import { toClaimReviews, toWebAnnotationCollection } from './to-json-ld';
import { toMarkdown } from './to-markdown';

export const exportFormats = ['pdf', 'docx', 'html', 'md', 'csv', 'jsonld', 'claimreview'] as const;

export type ExportFormat = (typeof exportFormats)[number];

export interface ExportFormatInfo {
  contentType: string;
  /** File extension without the leading dot. */
  extension: string;
}

export const exportFormatInfo: Record<ExportFormat, ExportFormatInfo> = {
  pdf: { contentType: 'application/pdf', extension: 'pdf' },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  html: { contentType: 'text/html; charset=utf-8', extension: 'html' },
  md: { contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  csv: { contentType: 'text/csv; charset=utf-8; header=present', extension: 'csv' },
  // The profile is how the Web Annotation Protocol names this serialization.
  jsonld: { contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', extension: 'jsonld' },
  claimreview: { contentType: 'application/ld+json; charset=utf-8', extension: 'claimreview.jsonld' },
};

export function isExportFormat(value: string): value is ExportFormat {
  return (exportFormats as readonly string[]).includes(value);
}

export interface RenderedReport {
  body: Buffer | string;
  contentType: string;
  fileName: string;
}

export async function renderReport(report: Report, format: ExportFormat): Promise<RenderedReport> {
  const { contentType, extension } = exportFormatInfo[format];
  return { body: await renderBody(report, format), contentType, fileName: reportFileName(report, extension) };
}

async function renderBody(report: Report, format: ExportFormat): Promise<Buffer | string> {
  // The PDF and Word renderers pull in large libraries: load them only when asked for.
  switch (format) {
    case 'pdf':
      return (await import('./to-pdf')).toPdf(report);
    case 'docx':
      return (await import('./to-docx')).toDocx(report);
    case 'html':
      return toHtml(report);
    case 'md':
      return toMarkdown(report);
    case 'csv':
      return toCsv(report);
    case 'jsonld':
      return JSON.stringify(toWebAnnotationCollection(report), null, 2);
    case 'claimreview':
      return JSON.stringify(toClaimReviews(report), null, 2);
  }
}

export type { Report, ReportAnnotation, ReportArticle, ReportInput, ReportOptions } from './report-model';
export { buildReport, reportFileName, verdictSummary } from './report-model';
