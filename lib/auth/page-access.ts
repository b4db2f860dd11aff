import type { Action } from '@/lib/auth/permissions';

/**
 * The pages' side of the permissions table: the action each signed-in page needs, by its route.
 * Pages enforce it through `requirePage` (lib/auth/require-page.ts); e2e/page-authorization.spec.ts
 * walks every page file of app/ against this list, so a page added without an entry fails there.
 */
export const pageAccess = {
  '/articles': 'article:read',
  '/articles/new': 'article:create',
  '/articles/[id]': 'article:read',
  '/articles/[id]/review': 'annotation:review',
  '/articles/[id]/revisions': 'article:read',
  '/api-docs': 'article:read',
  '/search': 'article:read',
  '/notifications': 'article:read',
  '/account': 'account:manage',
  '/account/password': 'account:manage',
  '/admin/users': 'user:manage',
  '/admin/audit': 'audit:read',
  '/admin/verdicts': 'verdict:manage',
} as const satisfies Record<string, Action>;

export type PagePath = keyof typeof pageAccess;

/** Pages that need no session, each with the reason. */
export const publicPages: Record<string, string> = {
  '/': 'only redirects to /articles, which asks for a session',
  '/login': 'where a session starts',
  '/invite/[token]': 'an invited user has no password yet; the single-use token is the credential',
};
