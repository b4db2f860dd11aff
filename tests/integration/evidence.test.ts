import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import * as evidenceRoute from '@/app/api/evidence/route';
import * as evidenceFileRoute from '@/app/api/evidence/[id]/route';
import * as articleAnnotations from '@/app/api/articles/[id]/annotations/route';
import * as annotationRoute from '@/app/api/annotations/[id]/route';
import * as blindRoute from '@/app/api/articles/[id]/blind-review/route';
import * as exportRoute from '@/app/api/articles/[id]/export/route';
import { seedDatabase } from '@/lib/seed/seed-database';
import { apiTokenFor, call } from '../support/api';
import { createArticle, createUser, db } from '../support/db';
import { oneLine, pdfText } from '../support/pdf-text';

// Evidence files: a screenshot or PDF of a source as it was seen, uploaded, checked, kept in
// PostgreSQL, cited by a source, shown to those who may see the annotation, and in every report.
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Buffer.from('IHDR evidence test image')]);
const pdf = new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n'));
const text = 'The Vessmark tunnel carried 80,000 cars a day in its first year, the operator said.\nTraffic fell later.\n';
const passage = 'The Vessmark tunnel carried 80,000 cars a day';

let articleId = '';
let reviewer = { id: '', token: '' };
let otherReviewer = { id: '', token: '' };
let editor = { id: '', token: '' };

function form(bytes: Uint8Array, name: string, type: string): FormData {
  const data = new FormData();
  data.set('file', new File([bytes as Uint8Array<ArrayBuffer>], name, { type }));
  return data;
}
const upload = (token: string, data: FormData, headers: Record<string, string> = {}) => call(evidenceRoute.POST, 'POST', { token, form: data, headers });
const download = (token: string, id: string) => call(evidenceFileRoute.GET, 'GET', { token, params: { id } });
const evidenceCount = () => db.evidenceFile.count();

beforeAll(async () => {
  await seedDatabase(db, { SEED_ADMIN_PASSWORD: 'x'.repeat(16), SEED_EDITOR_PASSWORD: 'y'.repeat(16), SEED_REVIEWER_PASSWORD: 'z'.repeat(16) } as unknown as NodeJS.ProcessEnv);
  articleId = (await createArticle(text, 'Vessmark tunnel')).id;
  const [r, o, e] = await Promise.all([createUser('REVIEWER'), createUser('REVIEWER'), createUser('EDITOR')]);
  reviewer = { id: r.id, token: await apiTokenFor(r.id) };
  otherReviewer = { id: o.id, token: await apiTokenFor(o.id) };
  editor = { id: e.id, token: await apiTokenFor(e.id) };
});

describe('evidence upload', () => {
  it('stores a screenshot and answers its description, with the SHA-256 of its bytes', async () => {
    const res = await upload(reviewer.token, form(png, 'C:\\Users\\me\\tunnel operator page.png', 'image/png'));
    expect(res.status).toBe(201);
    expect(res.json.evidence).toMatchObject({
      fileName: 'tunnel operator page.png',
      mediaType: 'image/png',
      byteSize: png.byteLength,
      sha256: createHash('sha256').update(png).digest('hex'),
    });
    expect(res.json.evidence.url).toBe(`/api/evidence/${res.json.evidence.id}`);
    const stored = await db.evidenceFile.findUniqueOrThrow({ where: { id: res.json.evidence.id } });
    expect(Buffer.from(stored.data).equals(Buffer.from(png))).toBe(true);
    expect(stored.uploaderId).toBe(reviewer.id);
  });

  it('refuses what is not a screenshot or PDF, judging by the content, naming the field and storing nothing', async () => {
    const before = await evidenceCount();
    const cases: [string, FormData, number][] = [
      ['an HTML page renamed .png', form(new Uint8Array(Buffer.from('<html><script>alert(1)</script></html>')), 'page.png', 'image/png'), 422],
      ['a text file', form(new Uint8Array(Buffer.from('just notes')), 'notes.txt', 'text/plain'), 422],
      ['a PDF that says it is a PNG', form(pdf, 'page.png', 'image/png'), 422],
      ['an empty file', form(new Uint8Array(), 'empty.png', 'image/png'), 422],
      ['no file field', new FormData(), 422],
    ];
    for (const [name, data, status] of cases) {
      const res = await upload(reviewer.token, data);
      expect(res.status, name).toBe(status);
      expect(res.json.field, name).toBe('file');
      expect(res.json.message, name).toMatch(/^file: /);
    }
    const json = await call(evidenceRoute.POST, 'POST', { token: reviewer.token, body: { file: 'x' } });
    expect(json.status).toBe(400);
    expect(json.json.field).toBe('file');
    expect(await evidenceCount()).toBe(before);
  });

  it('refuses a file over 10 MB with 413, whether or not the request declares its length', async () => {
    const before = await evidenceCount();
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(pdf);
    const res = await upload(reviewer.token, form(big, 'big.pdf', 'application/pdf'));
    expect(res.status).toBe(413);
    expect(res.json).toMatchObject({ field: 'file' });
    expect(res.json.message).toMatch(/at most 10 MB/);
    const declared = await upload(reviewer.token, form(pdf, 'small.pdf', 'application/pdf'), { 'content-length': String(11 * 1024 * 1024) });
    expect(declared.status).toBe(413);
    // Exactly 10 MB is allowed.
    const limit = await upload(reviewer.token, form(big.subarray(0, 10 * 1024 * 1024), 'limit.pdf', 'application/pdf'));
    expect(limit.status).toBe(201);
    expect(await evidenceCount()).toBe(before + 1);
  });
});

describe('evidence on a source', () => {
  let evidence = { id: '', fileName: '', sha256: '' };
  let annotationId = '';

  it('is cited by a source, shown with the annotation, and served to those who may see it', async () => {
    evidence = (await upload(reviewer.token, form(pdf, 'operator-report.pdf', 'application/pdf'))).json.evidence;
    // Another reviewer cannot see a file nobody cites yet, nor attach it to their own work.
    expect((await download(otherReviewer.token, evidence.id)).status).toBe(404);
    const stolen = await call(articleAnnotations.POST, 'POST', {
      token: otherReviewer.token,
      params: { id: articleId },
      body: { start: 0, end: passage.length, exact: passage, sources: [{ url: 'https://example.org/x', evidenceId: evidence.id }] },
    });
    expect(stolen.status).toBe(422);
    expect(stolen.json.field).toBe('sources.0.evidenceId');

    const created = await call(articleAnnotations.POST, 'POST', {
      token: reviewer.token,
      params: { id: articleId },
      body: {
        start: 0,
        end: passage.length,
        exact: passage,
        verdict: 'mostly-true',
        rationale: 'The operator report says 78,000.',
        sources: [{ url: 'https://example.org/vessmark-report', title: 'Operator report', evidenceId: evidence.id }, { url: 'https://example.org/other' }],
        submit: true,
      },
    });
    expect(created.status).toBe(201);
    annotationId = created.json.annotation.id;
    expect(created.json.annotation.sources[0].evidence).toMatchObject({ id: evidence.id, fileName: 'operator-report.pdf', mediaType: 'application/pdf', byteSize: pdf.byteLength });
    expect(created.json.annotation.sources[1].evidence).toBeNull();
    const read = await call(annotationRoute.GET, 'GET', { token: editor.token, params: { id: annotationId } });
    expect(read.json.annotation.sources[0].evidence).toEqual(created.json.annotation.sources[0].evidence);

    for (const token of [reviewer.token, editor.token, otherReviewer.token]) {
      const res = await download(token, evidence.id);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-disposition')).toBe("inline; filename*=UTF-8''operator-report.pdf");
      expect(res.json).toBe(Buffer.from(pdf).toString());
    }
    expect((await download(editor.token, 'no-such-file')).status).toBe(404);
  });

  it('an editor may keep it when editing the annotation, and removing it is recorded in the history', async () => {
    const current = (await call(annotationRoute.GET, 'GET', { token: editor.token, params: { id: annotationId } })).json.annotation;
    const sources = current.sources.map((s: { url: string; title: string; evidence: { id: string } | null }) => ({ url: s.url, title: s.title, evidenceId: s.evidence?.id ?? null }));
    const kept = await call(annotationRoute.PATCH, 'PATCH', { token: editor.token, params: { id: annotationId }, body: { version: current.version, rationale: 'The operator report says 78,000 a day.', sources } });
    expect(kept.status).toBe(200);
    expect(kept.json.annotation.sources[0].evidence.id).toBe(evidence.id);
    const removed = await call(annotationRoute.PATCH, 'PATCH', {
      token: reviewer.token,
      params: { id: annotationId },
      body: { version: kept.json.annotation.version, sources: [{ ...sources[0], evidenceId: null }, sources[1]] },
    });
    expect(removed.status).toBe(200);
    expect(removed.json.annotation.sources[0].evidence).toBeNull();
    const history = await db.annotationEvent.findMany({ where: { annotationId, kind: 'updated' }, orderBy: { createdAt: 'asc' } });
    expect(history.at(-1)?.data).toMatchObject({ changes: { sources: expect.anything() } });
    // Cited by nothing now: only its uploader may fetch it.
    expect((await download(otherReviewer.token, evidence.id)).status).toBe(404);
    expect((await download(reviewer.token, evidence.id)).status).toBe(200);
    // Put back for the report test.
    const back = await call(annotationRoute.PATCH, 'PATCH', { token: reviewer.token, params: { id: annotationId }, body: { version: removed.json.annotation.version, sources } });
    expect(back.status).toBe(200);
  });

  it('is in every report: file name, absolute link and SHA-256', async () => {
    for (const format of ['html', 'md', 'csv', 'jsonld', 'docx', 'pdf']) {
      const res = await call(exportRoute.GET, 'GET', { token: editor.token, params: { id: articleId }, path: `/api/articles/${articleId}/export?format=${format}&approvedOnly=false` });
      expect(res.status, format).toBe(200);
      if (format === 'docx') continue;
      if (format === 'pdf') {
        const text = pdfText(res.bytes);
        if (text === null) continue; // poppler missing: the other formats still say it
        const line = oneLine(text);
        expect(line).toContain('Evidence: operator-report.pdf (PDF, 1 KB, SHA-256');
        expect(line.replace(/\s/g, '')).toContain(evidence.sha256);
        continue;
      }
      const body = typeof res.json === 'string' ? res.json : JSON.stringify(res.json);
      expect(body, format).toContain(`http://localhost/api/evidence/${evidence.id}`);
      if (format !== 'jsonld') expect(body, format).toContain(evidence.sha256);
      expect(body, format).toContain('operator-report.pdf');
    }
  });

  it('follows blind review: a reviewer blinded from the only annotation citing it gets 403 until they submit their own check', async () => {
    expect((await call(blindRoute.PUT, 'PUT', { token: editor.token, params: { id: articleId }, body: { enabled: true } })).status).toBe(200);
    try {
      const refused = await download(otherReviewer.token, evidence.id);
      expect(refused.status).toBe(403);
      expect(refused.json.message).toMatch(/Blind review/);
      expect((await download(editor.token, evidence.id)).status).toBe(200);
      const own = await call(articleAnnotations.POST, 'POST', {
        token: otherReviewer.token,
        params: { id: articleId },
        body: { start: 4, end: passage.length, exact: passage.slice(4), verdict: 'true', rationale: 'Own check.', sources: [{ url: 'https://example.org/own' }], submit: true },
      });
      expect(own.status).toBe(201);
      expect((await download(otherReviewer.token, evidence.id)).status).toBe(200);
    } finally {
      await call(blindRoute.PUT, 'PUT', { token: editor.token, params: { id: articleId }, body: { enabled: false } });
    }
  });
});
