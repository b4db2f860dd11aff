import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/api/route';
import { listNotifications } from '@/lib/notifications/list-notifications';

/** The caller's newest notifications and their unread count. */
export const GET = apiRoute('article:read', async ({ user }) => NextResponse.json(await listNotifications(user), { headers: { 'cache-control': 'no-store' } }));
