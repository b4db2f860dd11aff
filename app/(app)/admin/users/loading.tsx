import { Skeleton, SkeletonPage } from '@/components/ui/skeleton';

/** The users page while it loads: the filters and user cards, the add-user form beside. */
export default function LoadingUsers() {
  return (
    <SkeletonPage label="Loading the users…">
      <Skeleton shape="heading" width="110px" />
      <div className="admin-layout">
        <div className="skeleton-layout">
          <div className="skeleton-row">
            <Skeleton shape="button" width="220px" />
            <Skeleton shape="button" width="140px" />
            <Skeleton shape="button" width="180px" />
            <Skeleton shape="button" width="90px" />
          </div>
          <Skeleton width="80px" />
          <ul className="skeleton-list">
            {[0, 1, 2, 3].map((row) => (
              <li key={row} className="card user-card skeleton-card">
                <div className="skeleton-row">
                  <Skeleton width="35%" />
                  <Skeleton shape="pill" />
                  <Skeleton shape="pill" />
                </div>
                <Skeleton width="45%" />
                <div className="skeleton-row">
                  <Skeleton shape="button" width="60px" />
                  <Skeleton shape="button" width="100px" />
                  <Skeleton shape="button" width="130px" />
                </div>
              </li>
            ))}
          </ul>
        </div>
        <div className="card panel skeleton-card">
          <Skeleton width="50%" height="1.2rem" />
          {[0, 1, 2].map((field) => (
            <Skeleton key={field} shape="button" width="100%" />
          ))}
          <Skeleton shape="button" />
        </div>
      </div>
    </SkeletonPage>
  );
}
