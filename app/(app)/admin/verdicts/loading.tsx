import { Skeleton, SkeletonPage } from '@/components/ui/skeleton';

/** The verdict scale while it loads: one row per verdict, and the form to add one. */
export default function LoadingVerdicts() {
  return (
    <SkeletonPage label="Loading the verdict scale…">
      <Skeleton shape="heading" width="180px" />
      <Skeleton width="75%" />
      <div className="card skeleton-card">
        {[0, 1, 2, 3, 4, 5].map((row) => (
          <div key={row} className="skeleton-row">
            <Skeleton shape="pill" width="90px" />
            <Skeleton width="30%" />
            <Skeleton width="12%" />
            <Skeleton shape="button" width="80px" />
          </div>
        ))}
      </div>
      <div className="card verdict-add">
        <Skeleton width="25%" />
        <Skeleton shape="button" width="100%" />
      </div>
    </SkeletonPage>
  );
}
