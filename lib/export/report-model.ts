// The one report model every export format renders: an article, its annotations numbered in text
// order, and who generated it when. Pure data and pure functions; loading it is someone else's job.

export type AnnotationStatus = 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'CHANGES_REQUESTED';

export interface ReportArticle {
  id: string;
  slug: string;
  title: string;
  outlet: string;
  author: string | null;
  url: string | null;
  publishedAt: Date | null;
  text: string;
}

export interface ReportVerdict {
  key: string;
  label: string;
  color: string;
  /** ClaimReview rating 1 (worst) to 5 (best); 0 = not on that scale (Unverifiable, Opinion). */
  ratingValue: number;
}

export interface ReportSource {
  url: string;
  title: string;
  publisher: string;
  excerpt: string;
  accessedAt: Date | null;
  /** A screenshot or PDF of the page as the reviewer saw it, kept by the app. */
  evidence?: ReportEvidence | null;
}

export interface ReportEvidence {
  fileName: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
  /** Absolute: where the app serves it (to signed-in users who may see the annotation). */
  url: string;
}

export interface ReportComment {
  author: string;
  body: string;
  createdAt: Date;
}

export interface ReportAnnotation {
  id: string;
  /** 1-based, in text order; orphaned annotations come last. */
  number: number;
  quote: { exact: string; prefix: string; suffix: string };
  /** UTF-16 offsets into article.text. */
  position: { start: number; end: number };
  orphaned: boolean;
  verdict: ReportVerdict | null;
  /** Plain text. */
  rationale: string;
  status: AnnotationStatus;
  author: { name: string; email: string };
  approver: { name: string } | null;
  approvedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  sources: ReportSource[];
  comments: ReportComment[];
}

export interface ReportOptions {
  approvedOnly: boolean;
  includeComments: boolean;
}

/** A change of an approved verdict, from the article's corrections log. */
export interface ReportCorrection {
  at: Date;
  by: string;
  /** The annotation whose verdict changed. */
  annotationId: string;
  /** The verdicts' labels, null for none. */
  from: string | null;
  to: string | null;
  /** Why it changed. */
  note: string;
  /** The whole entry in one line, as printed reports show it. */
  text: string;
}

/** The organization publishing the reviews (ClaimReview's author): PUBLISHER_NAME and PUBLISHER_URL. */
export interface ReportPublisher {
  name: string;
  url: string;
}

export interface Report {
  article: ReportArticle;
  annotations: ReportAnnotation[];
  options: ReportOptions;
  generatedAt: Date;
  generatedBy: { name: string };
  /** Absolute origin of the app, without a trailing slash. */
  baseUrl: string;
  corrections?: ReportCorrection[];
  /** Defaults to "Factcheck desk" at `baseUrl`. */
  publisher?: ReportPublisher;
}

export type ReportAnnotationInput = Omit<ReportAnnotation, 'number'>;

export interface ReportInput extends Omit<Report, 'annotations'> {
  annotations: ReportAnnotationInput[];
}

/** Applies the options (approved only, comments) and numbers the annotations in text order. */
export function buildReport(input: ReportInput): Report {
  const kept = input.options.approvedOnly
    ? input.annotations.filter((annotation) => annotation.status === 'APPROVED')
    : input.annotations;
  const annotations = numberInTextOrder(kept).map((annotation) =>
    input.options.includeComments ? annotation : { ...annotation, comments: [] },
  );
  return { ...input, baseUrl: input.baseUrl.replace(/\/+$/, ''), annotations };
}

function numberInTextOrder(annotations: ReportAnnotationInput[]): ReportAnnotation[] {
  const anchored = annotations.filter((annotation) => !annotation.orphaned).sort(compareTextOrder);
  // Orphans have no trustworthy position, so they follow the text in the order they were made.
  const orphans = annotations.filter((annotation) => annotation.orphaned).sort(compareCreation);
  return [...anchored, ...orphans].map((annotation, index) => ({ ...annotation, number: index + 1 }));
}

function compareTextOrder(a: ReportAnnotationInput, b: ReportAnnotationInput): number {
  // At the same start the longer (enclosing) passage comes first.
  return a.position.start - b.position.start || b.position.end - a.position.end || compareCreation(a, b);
}

function compareCreation(a: ReportAnnotationInput, b: ReportAnnotationInput): number {
  return a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export interface VerdictCount {
  /** null for annotations that have no verdict yet. */
  verdict: ReportVerdict | null;
  label: string;
  count: number;
}

export const noVerdictLabel = 'No verdict';

/** Count per verdict label, best rating first, unrated verdicts (0) and then "No verdict" last. */
export function verdictSummary(annotations: readonly ReportAnnotation[]): VerdictCount[] {
  const byLabel = new Map<string, VerdictCount>();
  for (const { verdict } of annotations) {
    const label = verdict?.label ?? noVerdictLabel;
    const entry = byLabel.get(label) ?? { verdict, label, count: 0 };
    entry.count += 1;
    byLabel.set(label, entry);
  }
  return [...byLabel.values()].sort(
    (a, b) => summaryRank(b.verdict) - summaryRank(a.verdict) || a.label.localeCompare(b.label),
  );
}

function summaryRank(verdict: ReportVerdict | null): number {
  if (!verdict) return -2;
  return verdict.ratingValue > 0 ? verdict.ratingValue : -1;
}

/** `${slug}-${YYYY-MM-DD}.${ext}`, the date being the day (UTC) the report was generated. */
export function reportFileName(report: Pick<Report, 'article' | 'generatedAt'>, ext: string): string {
  // The name ends up in a Content-Disposition header: keep it to characters that need no quoting.
  const slug = report.article.slug.replace(/[^A-Za-z0-9._-]+/g, '-') || 'article';
  return `${slug}-${isoDay(report.generatedAt)}.${ext}`;
}

/** YYYY-MM-DD in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
