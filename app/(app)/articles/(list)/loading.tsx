import { Skeleton, SkeletonPage } from '@/components/ui/skeleton';

/** The articles page while it loads: the desk's three panels, the search bar, article cards. */
export default function LoadingArticles() {
  return (
    <SkeletonPage label="Loading the articles…">
      <div className="page-head">
        <Skeleton shape="heading" width="140px" />
        <Skeleton shape="button" />
      </div>
      <div className="dashboard">
        {['Assigned', 'Activity', 'Verdicts'].map((panel) => (
          <div key={panel} className="card dashboard-panel skeleton-card">
            <Skeleton width="45%" />
            <Skeleton />
            <Skeleton width="80%" />
            <Skeleton width="60%" />
          </div>
        ))}
      </div>
      <Skeleton shape="button" width="100%" />
      <ul className="skeleton-list">
        {[0, 1, 2, 3].map((row) => (
          <li key={row} className="card skeleton-card">
            <Skeleton shape="heading" width={`${70 - row * 8}%`} />
            <Skeleton width="35%" />
            <Skeleton shape="pill" width="180px" />
          </li>
        ))}
      </ul>
    </SkeletonPage>
  );
}
