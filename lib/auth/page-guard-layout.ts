import type { ReactNode } from 'react';
import { requirePage } from '@/lib/auth/require-page';
import type { PagePath } from '@/lib/auth/page-access';

/**
 * A layout that checks `page`'s permission above its segment's loading.tsx: once the skeleton has
 * been streamed the response status is sent, and a refused role would get 200 instead of 403.
 * The page still calls requirePage itself (a layout is not re-run on every navigation).
 */
export function pageGuardLayout(page: PagePath) {
  return async function PageGuardLayout({ children }: { children: ReactNode }): Promise<ReactNode> {
    await requirePage(page);
    return children;
  };
}
