import type { CSSProperties, ReactNode } from 'react';

type Shape = 'line' | 'heading' | 'block' | 'pill' | 'button' | 'circle';

/**
 * A grey placeholder in the shape of what is loading (a line of text, a heading, a card, a pill,
 * a button, an avatar). It pulses unless the user prefers reduced motion. Inside a `SkeletonPage`,
 * which hides it from screen readers and names what is loading instead.
 */
export function Skeleton({ shape = 'line', width, height, className }: { shape?: Shape; width?: CSSProperties['width']; height?: CSSProperties['height']; className?: string }) {
  return <span className={`skeleton skeleton-${shape}${className ? ` ${className}` : ''}`} style={{ width, height }} />;
}

/**
 * A page while it loads (a route's `loading.tsx`): busy, and named for what is coming
 * ("Loading the article…"), with skeletons laid out like the page that will replace it.
 */
export function SkeletonPage({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="skeleton-page" role="status" aria-busy="true" aria-label={label} data-testid="page-skeleton">
      <span className="sr-only">{label}</span>
      {/* Lists and grids of placeholders mean nothing read aloud. */}
      <div className="skeleton-layout" aria-hidden="true">
        {children}
      </div>
    </div>
  );
}
