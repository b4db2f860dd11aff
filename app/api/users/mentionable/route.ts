import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/api/route';
import { listMentionableUsers } from '@/lib/notifications/list-notifications';

/** Active users' names, for @mentions in comments. */
export const GET = apiRoute('comment:create', async ({ user }) => NextResponse.json({ users: await listMentionableUsers(user) }));
