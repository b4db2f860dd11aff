import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/api/route';
import { listAuditEvents } from '@/lib/audit/list-audit-events';
import { searchParamsOf } from '@/lib/api/search-params';

export const GET = apiRoute('audit:read', async ({ req, user }) => {
  return NextResponse.json(await listAuditEvents(user, searchParamsOf(req)));
});
