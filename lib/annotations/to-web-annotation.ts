import type { AnnotationDto } from '@/lib/annotations/annotation-dto';

/** One annotation in the W3C Web Annotation Data Model (JSON-LD), motivation `assessing`. */
export function annotationToWebAnnotation(annotation: AnnotationDto, baseUrl: string) {
  const body: object[] = [];
  if (annotation.verdict) body.push({ type: 'TextualBody', purpose: 'assessing', value: annotation.verdict.label, format: 'text/plain' });
  if (annotation.rationale.trim()) body.push({ type: 'TextualBody', purpose: 'describing', value: annotation.rationale, format: 'text/plain' });
  for (const source of annotation.sources) {
    body.push({ type: 'SpecificResource', purpose: 'linking', source: source.url, ...(source.title ? { label: source.title } : {}) });
  }
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `${baseUrl}/api/annotations/${encodeURIComponent(annotation.id)}`,
    type: 'Annotation',
    motivation: 'assessing',
    created: annotation.createdAt,
    modified: annotation.updatedAt,
    creator: { type: 'Person', name: annotation.author.name },
    target: {
      type: 'SpecificResource',
      source: `${baseUrl}/articles/${encodeURIComponent(annotation.articleId)}`,
      selector: [
        { type: 'TextQuoteSelector', exact: annotation.target.exact, prefix: annotation.target.prefix, suffix: annotation.target.suffix },
        { type: 'TextPositionSelector', start: annotation.target.start, end: annotation.target.end },
      ],
    },
    body,
  };
}
