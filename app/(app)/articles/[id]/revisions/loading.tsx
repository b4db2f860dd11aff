import { Skeleton, SkeletonPage } from '@/components/ui/skeleton';

/** The text history while it loads: one card per version. */
export default function LoadingRevisions() {
  return (
    <SkeletonPage label="Loading the text history…">
      <Skeleton width="35%" />
      <Skeleton shape="heading" width="180px" />
      <Skeleton width="80%" />
      <ol className="skeleton-list">
        {[0, 1, 2].map((version) => (
          <li key={version} className="card revision skeleton-card">
            <Skeleton width="40%" height="1.1rem" />
            <Skeleton />
            <Skeleton width="75%" />
          </li>
        ))}
      </ol>
    </SkeletonPage>
  );
}
