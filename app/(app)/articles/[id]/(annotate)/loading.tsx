import { Skeleton, SkeletonPage } from '@/components/ui/skeleton';

const lineWidths = ['100%', '96%', '98%', '72%', '100%', '94%', '99%', '85%', '100%', '97%', '60%', '100%', '93%', '88%'];

/** The annotate page while it loads: the title, the article text beside the side panel. */
export default function LoadingArticle() {
  return (
    <SkeletonPage label="Loading the article…">
      <div className="page-head">
        <Skeleton shape="heading" width="60%" />
        <div className="skeleton-row">
          <Skeleton shape="button" width="80px" />
          <Skeleton shape="button" width="130px" />
        </div>
      </div>
      <Skeleton width="30%" />
      <div className="workspace">
        <div className="card article-body skeleton-card">
          <div className="skeleton-row">
            <Skeleton shape="circle" />
            <Skeleton shape="circle" />
            <Skeleton shape="pill" width="60px" />
          </div>
          {lineWidths.map((width, index) => (
            <Skeleton key={index} width={width} />
          ))}
        </div>
        <div className="card side-panel skeleton-card">
          <Skeleton width="50%" height="1.2rem" />
          <div className="skeleton-row">
            <Skeleton shape="pill" width="30%" />
            <Skeleton shape="pill" width="30%" />
            <Skeleton shape="pill" width="30%" />
          </div>
          {[0, 1, 2, 3, 4].map((item) => (
            <Skeleton key={item} shape="block" height="58px" />
          ))}
        </div>
      </div>
    </SkeletonPage>
  );
}
