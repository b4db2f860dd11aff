import { Skeleton, SkeletonPage } from '@/components/ui/skeleton';

/** The new-article form while it loads. */
export default function LoadingNewArticle() {
  return (
    <SkeletonPage label="Loading the new article form…">
      <Skeleton shape="heading" width="180px" />
      <Skeleton width="70%" />
      <div className="card new-article skeleton-card">
        {[0, 1, 2].map((field) => (
          <div key={field} className="skeleton-card">
            <Skeleton width="20%" />
            <Skeleton shape="button" width="100%" />
          </div>
        ))}
        <Skeleton shape="block" height="180px" />
        <Skeleton shape="button" />
      </div>
    </SkeletonPage>
  );
}
