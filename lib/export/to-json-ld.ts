// Two JSON-LD views of a report: the W3C Web Annotation Data Model (every annotation, with its
// selectors) and schema.org ClaimReview (one per annotation that has a verdict).
import type { Report, ReportAnnotation, ReportCorrection, ReportSource, ReportVerdict } from './report-model';
import { isoDay } from './report-model';

const webAnnotationContext = 'http://www.w3.org/ns/anno.jsonld';

interface TextualBody {
  type: 'TextualBody';
  purpose: 'assessing' | 'describing' | 'commenting';
  value: string;
  format: 'text/plain';
  /** A correction's: when and by whom it was made. */
  created?: string;
  creator?: { type: 'Person'; name: string };
}

// anno.jsonld defines no `title` term, so the source's title goes in `label` (rdfs:label), which it does.
interface SourceBody {
  type: 'SpecificResource';
  purpose: 'linking';
  source: string;
  label?: string;
  /** The media type of an evidence file (a screenshot or PDF of a source as it was seen). */
  format?: string;
}

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'assessing';
  created: string;
  modified: string;
  creator: { type: 'Person'; name: string };
  target: {
    type: 'SpecificResource';
    source: string;
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
  };
  body: (TextualBody | SourceBody)[];
}

export interface WebAnnotationCollection {
  '@context': typeof webAnnotationContext;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

export function toWebAnnotationCollection(report: Report): WebAnnotationCollection {
  // The export route serves this very document, so the collection's IRI dereferences to it.
  const id = `${report.baseUrl}/api/articles/${encodeURIComponent(report.article.id)}/export?format=jsonld`;
  return {
    '@context': webAnnotationContext,
    id,
    type: 'AnnotationCollection',
    label: `Annotations on “${report.article.title}”`,
    total: report.annotations.length,
    first: {
      id: `${id}#page-1`,
      type: 'AnnotationPage',
      startIndex: 0,
      items: report.annotations.map((annotation) => toWebAnnotation(annotation, report.baseUrl, articleUrl(report), correctionsOf(report, annotation.id))),
    },
  };
}

/** What an annotation needs to become a W3C Web Annotation (a report's annotation, or the API's). */
export type WebAnnotationSubject = Pick<ReportAnnotation, 'id' | 'quote' | 'position' | 'verdict' | 'rationale' | 'sources' | 'createdAt' | 'updatedAt'> & {
  author: { name: string };
};

/**
 * One annotation in the W3C Web Annotation Data Model, on the article at `targetSource`. Each
 * correction of its approved verdict is a commenting body, with its date and author.
 */
export function toWebAnnotation(annotation: WebAnnotationSubject, baseUrl: string, targetSource: string, corrections: ReportCorrection[] = []): WebAnnotation {
  return {
    id: `${baseUrl}/api/annotations/${encodeURIComponent(annotation.id)}`,
    type: 'Annotation',
    motivation: 'assessing',
    created: annotation.createdAt.toISOString(),
    modified: annotation.updatedAt.toISOString(),
    creator: { type: 'Person', name: annotation.author.name },
    target: {
      type: 'SpecificResource',
      source: targetSource,
      selector: [
        { type: 'TextQuoteSelector', ...annotation.quote },
        { type: 'TextPositionSelector', ...annotation.position },
      ],
    },
    body: [
      ...annotationBodies(annotation),
      ...corrections.map((c): TextualBody => ({
        type: 'TextualBody',
        purpose: 'commenting',
        value: `Correction: ${c.text}`,
        format: 'text/plain',
        created: c.at.toISOString(),
        creator: { type: 'Person', name: c.by },
      })),
    ],
  };
}

/** The corrections log's entries for one annotation, oldest first. */
function correctionsOf(report: Report, annotationId: string): ReportCorrection[] {
  return (report.corrections ?? []).filter((c) => c.annotationId === annotationId);
}

function annotationBodies(annotation: WebAnnotationSubject): (TextualBody | SourceBody)[] {
  const bodies: (TextualBody | SourceBody)[] = [];
  if (annotation.verdict) {
    bodies.push({ type: 'TextualBody', purpose: 'assessing', value: annotation.verdict.label, format: 'text/plain' });
  }
  if (annotation.rationale.trim()) {
    bodies.push({ type: 'TextualBody', purpose: 'describing', value: annotation.rationale, format: 'text/plain' });
  }
  for (const source of annotation.sources) {
    const body = sourceBody(source);
    if (body) bodies.push(body);
    const evidence = source.evidence && absoluteUrl(source.evidence.url);
    if (evidence) bodies.push({ type: 'SpecificResource', purpose: 'linking', source: evidence, format: source.evidence!.mediaType, label: `Evidence: ${source.evidence!.fileName}` });
  }
  return bodies;
}

function sourceBody(source: ReportSource): SourceBody | null {
  const url = absoluteUrl(source.url);
  if (!url) return null;
  const label = source.title.trim() || source.publisher.trim();
  const body: SourceBody = { type: 'SpecificResource', purpose: 'linking', source: url };
  return label ? { ...body, label } : body;
}

// JSON-LD needs an IRI here; a relative or malformed one would silently resolve against the export.
function absoluteUrl(url: string): string | null {
  try {
    return new URL(url.trim()).href;
  } catch {
    return null;
  }
}

function articleUrl(report: Report): string {
  const original = report.article.url ? absoluteUrl(report.article.url) : null;
  return original ?? `${report.baseUrl}/articles/${encodeURIComponent(report.article.id)}`;
}

interface SchemaThing {
  '@type': 'Organization' | 'Person';
  name: string;
  url?: string;
}

interface Rating {
  '@type': 'Rating';
  alternateName: string;
  ratingValue?: number;
  bestRating?: 5;
  worstRating?: 1;
}

interface CorrectionComment {
  '@type': 'CorrectionComment';
  text: string;
  datePublished: string;
}

export interface ClaimReview {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  url: string;
  claimReviewed: string;
  datePublished: string;
  /** The day of the last correction, when there is one. */
  dateModified?: string;
  /** Each change of the approved verdict since, with the reason (schema.org CreativeWork.correction). */
  correction?: CorrectionComment[];
  author: SchemaThing;
  reviewRating: Rating;
  itemReviewed: {
    '@type': 'Claim';
    author: SchemaThing;
    datePublished?: string;
    appearance: { '@type': 'NewsArticle'; url: string; headline: string; publisher: SchemaThing };
  };
}

/** The organization that publishes the reviews, unless PUBLISHER_NAME names it (schema.org wants the fact-checker here, not a person). */
export const defaultPublisherName = 'Factcheck desk';

export function toClaimReviews(report: Report): ClaimReview[] {
  return report.annotations.flatMap((annotation) =>
    annotation.verdict ? [toClaimReview(report, annotation, annotation.verdict)] : [],
  );
}

function toClaimReview(report: Report, annotation: ReportAnnotation, verdict: ReportVerdict): ClaimReview {
  const { article } = report;
  const outlet: SchemaThing = { '@type': 'Organization', name: article.outlet };
  const publisher = report.publisher ?? { name: defaultPublisherName, url: report.baseUrl };
  const corrections = correctionsOf(report, annotation.id);
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `${report.baseUrl}/articles/${encodeURIComponent(article.id)}#annotation-${encodeURIComponent(annotation.id)}`,
    claimReviewed: annotation.quote.exact,
    datePublished: isoDay(annotation.approvedAt ?? annotation.updatedAt),
    ...(corrections.length > 0
      ? {
          dateModified: isoDay(corrections.at(-1)!.at),
          correction: corrections.map((c): CorrectionComment => ({ '@type': 'CorrectionComment', text: c.text, datePublished: isoDay(c.at) })),
        }
      : {}),
    author: { '@type': 'Organization', name: publisher.name, url: publisher.url },
    reviewRating: rating(verdict),
    itemReviewed: {
      '@type': 'Claim',
      author: article.author ? { '@type': 'Person', name: article.author } : outlet,
      ...(article.publishedAt ? { datePublished: isoDay(article.publishedAt) } : {}),
      appearance: { '@type': 'NewsArticle', url: articleUrl(report), headline: article.title, publisher: outlet },
    },
  };
}

function rating(verdict: ReportVerdict): Rating {
  // 0 means "not on the 1..5 scale" (Unverifiable, Opinion): only the name is meaningful.
  if (verdict.ratingValue < 1) return { '@type': 'Rating', alternateName: verdict.label };
  return { '@type': 'Rating', ratingValue: verdict.ratingValue, bestRating: 5, worstRating: 1, alternateName: verdict.label };
}
