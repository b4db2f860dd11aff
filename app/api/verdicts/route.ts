import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/api/route';
import { listVerdicts } from '@/lib/verdicts/list-verdicts';

export const GET = apiRoute('article:read', async ({ user }) => NextResponse.json({ verdicts: await listVerdicts(user) }));
