import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';

/** The actions that occur in the audit log, for the action filter. Admins only. */
export async function listAuditActions(user: CurrentUser): Promise<string[]> {
  assertCan(user, 'audit:read');
  const rows = await db.auditEvent.groupBy({ by: ['action'], orderBy: { action: 'asc' } });
  return rows.map((row) => row.action);
}
