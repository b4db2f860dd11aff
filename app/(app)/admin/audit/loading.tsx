import { Skeleton, SkeletonPage } from '@/components/ui/skeleton';

/** The audit log while it loads: the filters and a table of entries. */
export default function LoadingAudit() {
  return (
    <SkeletonPage label="Loading the audit log…">
      <Skeleton shape="heading" width="160px" />
      <div className="skeleton-row">
        <Skeleton shape="button" width="240px" />
        <Skeleton shape="button" width="180px" />
        <Skeleton shape="button" width="150px" />
        <Skeleton shape="button" width="150px" />
        <Skeleton shape="button" width="80px" />
      </div>
      <div className="card skeleton-card">
        {[0, 1, 2, 3, 4, 5, 6, 7].map((row) => (
          <div key={row} className="skeleton-row">
            <Skeleton width="18%" />
            <Skeleton width="15%" />
            <Skeleton width="14%" />
            <Skeleton width="15%" />
            <Skeleton width="10%" />
            <Skeleton width="20%" />
          </div>
        ))}
      </div>
    </SkeletonPage>
  );
}
