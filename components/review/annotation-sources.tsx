import type { AnnotationDto } from '@/lib/annotations/annotation-dto';

/** An annotation's sources as links (publisher and access date beside them). */
export function AnnotationSources({ sources }: { sources: AnnotationDto['sources'] }) {
  if (sources.length === 0) return <p className="muted small">No sources.</p>;
  return (
    <ol className="review-sources small">
      {sources.map((source) => (
        <li key={source.id}>
          <a href={source.url} target="_blank" rel="noopener noreferrer nofollow">
            {source.title || source.url}
          </a>
          {source.publisher && <span className="muted"> · {source.publisher}</span>}
          {source.accessedAt && <span className="muted"> · accessed {source.accessedAt}</span>}
        </li>
      ))}
    </ol>
  );
}
