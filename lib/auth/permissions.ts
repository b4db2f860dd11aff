import type { Role } from '@/lib/auth/roles';

// The one table of who may do what. Every page, route handler, server action and socket operation
// asks `can` (through lib/auth/guard.ts); nothing re-decides a role check on its own.
// "own" actions additionally require the acting user to be the record's author.
export const permissions = {
  'article:read': ['ADMIN', 'EDITOR', 'REVIEWER'],
  'article:create': ['ADMIN', 'EDITOR'],
  'article:correct': ['ADMIN', 'EDITOR'],
  'annotation:create': ['ADMIN', 'EDITOR', 'REVIEWER'],
  'annotation:update:own': ['ADMIN', 'EDITOR', 'REVIEWER'],
  'annotation:update:any': ['ADMIN', 'EDITOR'],
  'annotation:delete:own': ['ADMIN', 'EDITOR', 'REVIEWER'],
  'annotation:delete:any': ['ADMIN', 'EDITOR'],
  'annotation:submit:own': ['ADMIN', 'EDITOR', 'REVIEWER'],
  'annotation:review': ['ADMIN', 'EDITOR'],
  'comment:create': ['ADMIN', 'EDITOR', 'REVIEWER'],
  'comment:resolve': ['ADMIN', 'EDITOR', 'REVIEWER'],
  'export:create': ['ADMIN', 'EDITOR'],
  'verdict:manage': ['ADMIN'],
  'user:manage': ['ADMIN'],
  'audit:read': ['ADMIN'],
  // One's own password and personal API tokens.
  'account:manage': ['ADMIN', 'EDITOR', 'REVIEWER'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof permissions;

export function can(role: Role, action: Action): boolean {
  return (permissions[action] as readonly Role[]).includes(role);
}
