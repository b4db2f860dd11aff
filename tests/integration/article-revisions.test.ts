import { describe, expect, it } from 'vitest';
import { listArticleRevisions } from '@/lib/articles/list-article-revisions';
import { createArticle, createUser, db } from '../support/db';

describe('article text history', () => {
  it('lists corrections newest first with who, when and a word diff', async () => {
    const editor = await createUser('EDITOR', { name: 'Corry Corrector' });
    const reviewer = await createUser('REVIEWER');
    const article = await createArticle('The talks produced four documents.\n');
    await db.articleRevision.create({ data: { articleId: article.id, version: 2, text: 'The talks produced five documents.\n', editorId: editor.id, note: 'Corrected a transcription error' } });
    const { revisions } = await listArticleRevisions({ id: reviewer.id, email: reviewer.email, name: reviewer.name, role: 'REVIEWER', mustChangePassword: false } as never, article.id);
    expect(revisions.map((r) => r.version)).toEqual([2, 1]);
    expect(revisions[0]).toMatchObject({ editor: 'Corry Corrector', note: 'Corrected a transcription error' });
    expect(revisions[0]!.changes.filter((c) => c.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'four' },
      { kind: 'added', text: 'five' },
    ]);
    expect(revisions[1]!.changes).toEqual([]);
  });
});
