import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { describeEvidence } from '@/lib/evidence/evidence-file-type';

/**
 * An annotation's sources as links, publisher and access date beside them, and the evidence file
 * (a screenshot or PDF of the page as it was seen) when there is one; on its card
 * (`excerpts`) with the quoted excerpts too, compact on the review page.
 */
export function AnnotationSources({ sources, excerpts = false }: { sources: AnnotationDto['sources']; excerpts?: boolean }) {
  if (sources.length === 0) return <p className={excerpts ? 'muted' : 'muted small'}>No sources.</p>;
  return (
    <ol className={excerpts ? 'source-list' : 'review-sources small'}>
      {sources.map((source) => (
        <li key={source.id}>
          <a href={source.url} target="_blank" rel="noopener noreferrer nofollow">
            {source.title || source.url}
          </a>
          {source.publisher && <span className="muted"> · {source.publisher}</span>}
          {source.accessedAt && <span className="muted"> · accessed {source.accessedAt}</span>}
          {source.evidence && (
            <span className="evidence-link">
              {' · Evidence: '}
              <a href={source.evidence.url} target="_blank" rel="noopener noreferrer" aria-label={`Evidence: ${source.evidence.fileName} (${describeEvidence(source.evidence)})`}>
                {source.evidence.fileName}
              </a>{' '}
              <span className="muted">({describeEvidence(source.evidence)})</span>
              {excerpts && source.evidence.mediaType.startsWith('image/') && (
                <a href={source.evidence.url} target="_blank" rel="noopener noreferrer" className="evidence-thumb" tabIndex={-1} aria-hidden="true">
                  {/* eslint-disable-next-line @next/next/no-img-element -- a private, authorised file: not for the image optimiser */}
                  <img src={source.evidence.url} alt="" loading="lazy" />
                </a>
              )}
            </span>
          )}
          {excerpts && source.excerpt && <blockquote className="excerpt">{source.excerpt}</blockquote>}
        </li>
      ))}
    </ol>
  );
}
