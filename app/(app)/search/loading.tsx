import { Skeleton, SkeletonPage } from '@/components/ui/skeleton';

/** Search while the results load: articles and annotations side by side. */
export default function LoadingSearch() {
  return (
    <SkeletonPage label="Loading the search results…">
      <Skeleton shape="heading" width="120px" />
      <Skeleton shape="button" width="100%" />
      <div className="search-results">
        {['articles', 'annotations'].map((column) => (
          <div key={column} className="skeleton-layout">
            <Skeleton width="40%" height="1.2rem" />
            {[0, 1, 2].map((hit) => (
              <div key={hit} className="card search-hit skeleton-card">
                <Skeleton width="65%" />
                <Skeleton />
                <Skeleton width="85%" />
              </div>
            ))}
          </div>
        ))}
      </div>
    </SkeletonPage>
  );
}
