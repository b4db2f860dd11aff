import { beforeAll, describe, expect, it } from 'vitest';
import * as articleAnnotations from '@/app/api/articles/[id]/annotations/route';
import * as statusRoute from '@/app/api/annotations/[id]/status/route';
import * as exportRoute from '@/app/api/articles/[id]/export/route';
import { seedDatabase } from '@/lib/seed/seed-database';
import { apiTokenFor, call } from '../support/api';
import { createArticle, createUser, db } from '../support/db';

const text = 'The mayor said the bridge cost €40 million, twice the original budget.\nThe council disputes the figure.\n';
let articleId: string;
let slug: string;
let editorToken: string;
let reviewerToken: string;

const exportAs = (token: string, query: string) => call(exportRoute.GET, 'GET', { token, params: { id: articleId }, path: `/api/articles/${articleId}/export?${query}` });

beforeAll(async () => {
  await seedDatabase(db, { SEED_ADMIN_PASSWORD: 'x'.repeat(16), SEED_EDITOR_PASSWORD: 'y'.repeat(16), SEED_REVIEWER_PASSWORD: 'z'.repeat(16) } as unknown as NodeJS.ProcessEnv);
  const article = await createArticle(text, 'Bridge costs');
  articleId = article.id;
  slug = article.slug;
  editorToken = await apiTokenFor((await createUser('EDITOR')).id);
  reviewerToken = await apiTokenFor((await createUser('REVIEWER')).id);
  const passage = (p: string) => ({ start: text.indexOf(p), end: text.indexOf(p) + p.length, exact: p });
  const approved = await call(articleAnnotations.POST, 'POST', {
    token: reviewerToken,
    params: { id: articleId },
    body: { ...passage('€40 million'), verdict: 'false', rationale: 'Invoices say €52 million.', sources: [{ url: 'https://example.org/invoices', title: '=HYPERLINK("x")' }], submit: true },
  });
  await call(statusRoute.POST, 'POST', { token: editorToken, params: { id: approved.json.annotation.id }, body: { version: 1, action: 'approve' } });
  await call(articleAnnotations.POST, 'POST', { token: reviewerToken, params: { id: articleId }, body: { ...passage('twice the original budget'), verdict: 'half-true' } });
});

describe('GET /api/articles/:id/export', () => {
  it('renders every format with its content type and a file name carrying slug and date, and audits each', async () => {
    const before = await db.auditEvent.count({ where: { action: 'export', targetId: articleId } });
    const expectations: Record<string, [RegExp, (body: string) => void]> = {
      pdf: [
        /application\/pdf/,
        (b) => {
          expect(b.startsWith('%PDF-')).toBe(true);
          expect(b).toContain('/URI (https://example.org/invoices)');
        },
      ],
      docx: [/wordprocessingml/, (b) => expect(b.startsWith('PK')).toBe(true)],
      html: [/text\/html/, (b) => expect(b).toContain('<mark')],
      md: [/text\/markdown/, (b) => expect(b).toContain('Bridge costs')],
      csv: [/text\/csv/, (b) => expect(b).toContain("'=HYPERLINK")],
      jsonld: [/application\/ld\+json/, (b) => expect(JSON.parse(b).type).toBe('AnnotationCollection')],
      claimreview: [/application\/ld\+json/, (b) => expect(JSON.parse(b)[0]['@type']).toBe('ClaimReview')],
    };
    const day = new Date().toISOString().slice(0, 10);
    for (const [format, [type, check]] of Object.entries(expectations)) {
      const res = await exportAs(editorToken, `format=${format}`);
      expect(res.status, format).toBe(200);
      expect(res.headers.get('content-type')).toMatch(type);
      expect(res.headers.get('content-disposition')).toContain(`${slug}-${day}.`);
      check(typeof res.json === 'string' ? res.json : JSON.stringify(res.json));
    }
    expect(await db.auditEvent.count({ where: { action: 'export', targetId: articleId } })).toBe(before + 7);
  });

  it('keeps only approved annotations when asked', async () => {
    const all = await exportAs(editorToken, 'format=jsonld');
    const approved = await exportAs(editorToken, 'format=jsonld&approvedOnly=true');
    expect(all.json.total).toBe(2);
    expect(approved.json.total).toBe(1);
    expect(approved.json.first.items[0].target.selector[0].exact).toBe('€40 million');
    expect(all.headers.get('x-report-annotations')).toBe('2');
    expect(approved.headers.get('x-report-annotations')).toBe('1');
  });

  it('refuses reviewers (403) and an unknown format (422 naming it)', async () => {
    expect((await exportAs(reviewerToken, 'format=pdf')).status).toBe(403);
    const bad = await exportAs(editorToken, 'format=xls');
    expect(bad.status).toBe(422);
    expect(bad.json.field).toBe('format');
  });
});
