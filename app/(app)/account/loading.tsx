import { Skeleton, SkeletonPage } from '@/components/ui/skeleton';

/** The account page while it loads: the password form beside the API tokens. */
export default function LoadingAccount() {
  return (
    <SkeletonPage label="Loading your account…">
      <Skeleton shape="heading" width="130px" />
      <Skeleton width="45%" />
      <div className="account-grid">
        <div className="card panel skeleton-card">
          <Skeleton width="40%" height="1.2rem" />
          {[0, 1, 2].map((field) => (
            <Skeleton key={field} shape="button" width="100%" />
          ))}
          <Skeleton shape="button" width="160px" />
        </div>
        <div className="card panel skeleton-card">
          <Skeleton width="35%" height="1.2rem" />
          <Skeleton width="90%" />
          <div className="skeleton-row">
            <Skeleton shape="button" width="60%" />
            <Skeleton shape="button" />
          </div>
          <Skeleton shape="block" height="90px" />
        </div>
      </div>
    </SkeletonPage>
  );
}
