import { beforeAll, describe, expect, it } from 'vitest';
import * as articleAnnotations from '@/app/api/articles/[id]/annotations/route';
import * as annotationRoute from '@/app/api/annotations/[id]/route';
import * as statusRoute from '@/app/api/annotations/[id]/status/route';
import * as historyRoute from '@/app/api/annotations/[id]/history/route';
import * as exportRoute from '@/app/api/articles/[id]/export/route';
import { seedDatabase } from '@/lib/seed/seed-database';
import { listCorrections } from '@/lib/articles/list-corrections';
import { apiTokenFor, call } from '../support/api';
import { createArticle, createUser, db } from '../support/db';

const text = 'The Halvern bridge cost 40 million euros to build, the council said.\nIt opened in May.\n';
const passage = 'The Halvern bridge cost 40 million euros to build';
const source = { url: 'https://example.org/halvern-accounts', title: 'Council accounts' };
let articleId = '';
let annotationId = '';
let reviewer = { id: '', token: '' };
let editor = { id: '', token: '', name: '' };

beforeAll(async () => {
  await seedDatabase(db, { SEED_ADMIN_PASSWORD: 'x'.repeat(16), SEED_EDITOR_PASSWORD: 'y'.repeat(16), SEED_REVIEWER_PASSWORD: 'z'.repeat(16) } as unknown as NodeJS.ProcessEnv);
  articleId = (await createArticle(text, 'Halvern bridge')).id;
  const r = await createUser('REVIEWER');
  const e = await createUser('EDITOR', { name: 'Erin Corrector' });
  reviewer = { id: r.id, token: await apiTokenFor(r.id) };
  editor = { id: e.id, token: await apiTokenFor(e.id), name: 'Erin Corrector' };
  const created = await call(articleAnnotations.POST, 'POST', {
    token: reviewer.token,
    params: { id: articleId },
    body: { start: 0, end: passage.length, exact: passage, verdict: 'true', rationale: 'Matches the accounts.', sources: [source], submit: true },
  });
  annotationId = created.json.annotation.id;
  const approved = await call(statusRoute.POST, 'POST', { token: editor.token, params: { id: annotationId }, body: { version: 1, action: 'approve' } });
  expect(approved.status).toBe(200);
});

const patch = (token: string, body: Record<string, unknown>) => call(annotationRoute.PATCH, 'PATCH', { token, params: { id: annotationId }, body });
const version = async () => (await db.annotation.findUniqueOrThrow({ where: { id: annotationId } })).version;

describe('corrections log', () => {
  it('refuses to change an approved verdict without a reason, naming the field, and changes nothing', async () => {
    const before = await db.annotation.findUniqueOrThrow({ where: { id: annotationId }, include: { verdict: true } });
    for (const correctionNote of [undefined, '', '   ']) {
      const res = await patch(editor.token, { version: before.version, verdict: 'false', ...(correctionNote === undefined ? {} : { correctionNote }) });
      expect(res.status).toBe(422);
      expect(res.json.field).toBe('correctionNote');
    }
    const after = await db.annotation.findUniqueOrThrow({ where: { id: annotationId }, include: { verdict: true } });
    expect(after.verdict?.key).toBe('true');
    expect(after.version).toBe(before.version);
    // Other changes to approved work need no reason and are not corrections.
    expect((await patch(editor.token, { version: before.version, rationale: 'Matches the audited accounts.' })).status).toBe(200);
    expect(await listCorrections({ id: editor.id, role: 'EDITOR', name: editor.name, email: 'x' }, articleId)).toEqual([]);
  });

  it('records a changed approved verdict with who, when, from, to and why, in the history, the log and every report', async () => {
    const res = await patch(editor.token, { version: await version(), verdict: 'mostly-false', correctionNote: 'The audited accounts show 52 million euros, not 40.' });
    expect(res.status).toBe(200);
    expect(res.json.annotation).toMatchObject({ status: 'APPROVED', verdict: { key: 'mostly-false' } });

    const history = await call(historyRoute.GET, 'GET', { token: reviewer.token, params: { id: annotationId } });
    expect(history.json.history.at(-1)).toMatchObject({ kind: 'corrected', actor: { id: editor.id }, data: { verdict: { from: 'True', to: 'Mostly false' }, note: 'The audited accounts show 52 million euros, not 40.' } });

    const log = await listCorrections({ id: reviewer.id, role: 'REVIEWER', name: 'r', email: 'r' }, articleId);
    expect(log).toEqual([expect.objectContaining({ annotationId, by: editor.name, quote: passage, from: 'True', to: 'Mostly false', note: 'The audited accounts show 52 million euros, not 40.' })]);

    for (const format of ['md', 'html']) {
      const report = await call(exportRoute.GET, 'GET', { token: editor.token, params: { id: articleId }, path: `/api/articles/${articleId}/export?format=${format}` });
      expect(report.status).toBe(200);
      expect(String(report.json)).toContain('Corrections');
      expect(String(report.json)).toContain('52 million euros, not 40.');
      expect(String(report.json)).toMatch(/changed from True to Mostly false/);
    }
    // The data formats carry it on the annotation: a CSV column, a Web Annotation body, a ClaimReview correction.
    for (const format of ['csv', 'jsonld', 'claimreview']) {
      const report = await call(exportRoute.GET, 'GET', { token: editor.token, params: { id: articleId }, path: `/api/articles/${articleId}/export?format=${format}` });
      expect(report.status).toBe(200);
      const body = typeof report.json === 'string' ? report.json : JSON.stringify(report.json);
      expect(body).toContain('52 million euros, not 40.');
      expect(body).toMatch(/True → Mostly false|changed from True to Mostly false/);
    }
    // And the annotation's own Web Annotation from the API.
    const single = await call(annotationRoute.GET, 'GET', { token: reviewer.token, params: { id: annotationId }, headers: { accept: 'application/ld+json' } });
    expect(single.json.body.at(-1)).toMatchObject({ type: 'TextualBody', purpose: 'commenting', creator: { type: 'Person', name: editor.name }, value: expect.stringContaining('52 million euros, not 40.') });
  });

  it('also records the correction when the author (a reviewer) changes their approved verdict, which sends it back for review', async () => {
    const res = await patch(reviewer.token, { version: await version(), verdict: 'false', correctionNote: 'The council later withdrew the 40 million figure.' });
    expect(res.status).toBe(200);
    expect(res.json.annotation.status).toBe('SUBMITTED');
    const log = await listCorrections({ id: reviewer.id, role: 'REVIEWER', name: 'r', email: 'r' }, articleId);
    expect(log.map((c) => [c.from, c.to])).toEqual([
      ['True', 'Mostly false'],
      ['Mostly false', 'False'],
    ]);
    // Now submitted, not approved: a further change is an ordinary edit.
    expect((await patch(reviewer.token, { version: await version(), verdict: 'misleading' })).status).toBe(200);
    expect(await listCorrections({ id: reviewer.id, role: 'REVIEWER', name: 'r', email: 'r' }, articleId)).toHaveLength(2);
  });
});
