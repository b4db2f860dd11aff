import { Skeleton, SkeletonPage } from '@/components/ui/skeleton';

/** The review page while it loads: the blind review switch, agreement, annotations; summary and assignments beside. */
export default function LoadingReview() {
  return (
    <SkeletonPage label="Loading the review…">
      <div className="page-head">
        <Skeleton shape="heading" width="55%" />
        <Skeleton shape="button" width="150px" />
      </div>
      <Skeleton width="25%" />
      <div className="card blind-review-toggle skeleton-card">
        <Skeleton width="200px" />
        <Skeleton width="85%" />
      </div>
      <div className="review-layout">
        <div className="review-main">
          <div className="card review-panel skeleton-card">
            <Skeleton width="30%" height="1.2rem" />
            <Skeleton width="20%" height="1.8rem" />
          </div>
          <div className="card review-panel skeleton-card">
            <Skeleton width="30%" height="1.2rem" />
            {[0, 1, 2].map((row) => (
              <Skeleton key={row} shape="block" height="110px" />
            ))}
          </div>
        </div>
        <div className="review-aside">
          <div className="card review-panel skeleton-card">
            <Skeleton width="40%" height="1.2rem" />
            <Skeleton shape="block" height="100px" />
            <Skeleton shape="button" />
          </div>
          <div className="card review-panel skeleton-card">
            <Skeleton width="50%" height="1.2rem" />
            <Skeleton width="60%" />
            <Skeleton width="55%" />
            <Skeleton width="65%" />
          </div>
        </div>
      </div>
    </SkeletonPage>
  );
}
