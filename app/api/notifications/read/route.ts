import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/api/route';
import { markNotificationsRead, markReadInput } from '@/lib/notifications/list-notifications';

/** Marks the caller's notifications read: `{ "ids": [...] }` or `{ "all": true }`. */
export const POST = apiRoute('article:read', async ({ req, user }) => NextResponse.json(await markNotificationsRead(user, await readJson(req, markReadInput))));
