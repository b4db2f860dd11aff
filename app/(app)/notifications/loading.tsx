import { Skeleton, SkeletonPage } from '@/components/ui/skeleton';

/** The notifications while they load. */
export default function LoadingNotifications() {
  return (
    <SkeletonPage label="Loading your notifications…">
      <Skeleton shape="heading" width="200px" />
      <div className="skeleton-row">
        <Skeleton width="80px" />
        <Skeleton shape="button" />
      </div>
      <ul className="skeleton-list">
        {[0, 1, 2, 3].map((row) => (
          <li key={row} className="card notification skeleton-card">
            <Skeleton width={`${75 - row * 6}%`} />
            <Skeleton width="50%" />
            <Skeleton width="25%" />
          </li>
        ))}
      </ul>
    </SkeletonPage>
  );
}
