import { beforeAll, describe, expect, it } from 'vitest';
import * as verdictsRoute from '@/app/api/verdicts/route';
import * as verdictRoute from '@/app/api/verdicts/[key]/route';
import { seedDatabase } from '@/lib/seed/seed-database';
import { apiTokenFor, call } from '../support/api';
import { createUser, db } from '../support/db';

let admin: string;
let editor: string;

beforeAll(async () => {
  await seedDatabase(db, { SEED_ADMIN_PASSWORD: 'x'.repeat(16), SEED_EDITOR_PASSWORD: 'y'.repeat(16), SEED_REVIEWER_PASSWORD: 'z'.repeat(16) } as unknown as NodeJS.ProcessEnv);
  admin = await apiTokenFor((await createUser('ADMIN')).id);
  editor = await apiTokenFor((await createUser('EDITOR')).id);
});

describe('the verdict scale, as data an admin changes', () => {
  it('lets an admin recolour and re-rate a verdict and add one; others are refused', async () => {
    const before = await db.verdict.findUniqueOrThrow({ where: { key: 'opinion' } });
    const res = await call(verdictRoute.PATCH, 'PATCH', { token: admin, params: { key: 'opinion' }, body: { color: '#1f5f98' } });
    expect(res.status).toBe(200);
    expect(res.json.verdict).toMatchObject({ key: 'opinion', color: '#1f5f98', label: before.label });
    await call(verdictRoute.PATCH, 'PATCH', { token: admin, params: { key: 'opinion' }, body: { color: before.color } });

    const key = `satire-${Date.now().toString(36)}`;
    const created = await call(verdictsRoute.POST, 'POST', { token: admin, body: { key, label: 'Satire', color: '#444444', ratingValue: 0, requiresSource: false } });
    expect(created.status).toBe(201);
    const listed = await call(verdictsRoute.GET, 'GET', { token: editor });
    expect(listed.json.verdicts.at(-1)).toMatchObject({ key, label: 'Satire' });
    expect((await call(verdictsRoute.POST, 'POST', { token: admin, body: { key, label: 'Again', color: '#444444', ratingValue: 0, requiresSource: false } })).json).toMatchObject({ field: 'key' });

    expect((await call(verdictRoute.PATCH, 'PATCH', { token: editor, params: { key: 'opinion' }, body: { color: '#000000' } })).status).toBe(403);
    expect((await call(verdictRoute.PATCH, 'PATCH', { token: admin, params: { key: 'opinion' }, body: { color: 'red' } })).json).toMatchObject({ field: 'color' });
    expect((await call(verdictRoute.PATCH, 'PATCH', { token: admin, params: { key: 'opinion' }, body: { ratingValue: 9 } })).json).toMatchObject({ field: 'ratingValue' });
    expect((await call(verdictRoute.PATCH, 'PATCH', { token: admin, params: { key: 'no-such' }, body: { label: 'X' } })).status).toBe(404);
  });
});
