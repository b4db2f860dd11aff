export const roles = ['ADMIN', 'EDITOR', 'REVIEWER'] as const;
export type Role = (typeof roles)[number];

export const roleLabel: Record<Role, string> = { ADMIN: 'Admin', EDITOR: 'Editor', REVIEWER: 'Reviewer' };
