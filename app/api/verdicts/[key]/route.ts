import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/api/route';
import { updateVerdict, updateVerdictInput } from '@/lib/verdicts/manage-verdicts';

export const PATCH = apiRoute<{ key: string }>('verdict:manage', async ({ req, user, params }) => {
  const verdict = await updateVerdict(user, params.key, await readJson(req, updateVerdictInput));
  return NextResponse.json({ verdict });
});
