import type { AnnotationDto } from '@/lib/annotations/annotation-dto';

/**
 * An annotation's sources as links, publisher and access date beside them; on its card
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
          {excerpts && source.excerpt && <blockquote className="excerpt">{source.excerpt}</blockquote>}
        </li>
      ))}
    </ol>
  );
}
