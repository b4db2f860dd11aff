import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { toWebAnnotation } from '@/lib/export/to-json-ld';
import type { ReportCorrection } from '@/lib/export/report-model';

/** One annotation of the API as a W3C Web Annotation (JSON-LD), mapped by the export's own code, with the corrections of its approved verdict. */
export function annotationToWebAnnotation(annotation: AnnotationDto, baseUrl: string, corrections: ReportCorrection[] = []) {
  const subject = {
    id: annotation.id,
    quote: { exact: annotation.target.exact, prefix: annotation.target.prefix, suffix: annotation.target.suffix },
    position: { start: annotation.target.start, end: annotation.target.end },
    verdict: annotation.verdict,
    rationale: annotation.rationale,
    sources: annotation.sources.map((s) => ({
      ...s,
      accessedAt: s.accessedAt ? new Date(s.accessedAt) : null,
      evidence: s.evidence && { ...s.evidence, url: `${baseUrl}${s.evidence.url}` },
    })),
    author: annotation.author,
    createdAt: new Date(annotation.createdAt),
    updatedAt: new Date(annotation.updatedAt),
  };
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    ...toWebAnnotation(subject, baseUrl, `${baseUrl}/articles/${encodeURIComponent(annotation.articleId)}`, corrections),
  };
}
