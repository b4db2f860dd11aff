import { diffWordsWithSpace } from 'diff';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';

export interface RevisionChange {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export interface ArticleRevisionView {
  version: number;
  note: string | null;
  editor: string | null;
  createdAt: Date;
  /** Word-level difference from the previous revision (empty for the first one). */
  changes: RevisionChange[];
}

/** Unchanged stretches longer than this are shortened to their ends, so a diff reads at a glance. */
const CONTEXT = 80;

function shorten(text: string): string {
  return text.length <= CONTEXT * 2 ? text : `${text.slice(0, CONTEXT)} … ${text.slice(-CONTEXT)}`;
}

/** An article's corrections, newest first, each with who, when and what changed. */
export async function listArticleRevisions(user: CurrentUser, articleId: string): Promise<{ title: string; revisions: ArticleRevisionView[] }> {
  assertCan(user, 'article:read');
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: { title: true, revisions: { orderBy: { version: 'asc' }, include: { editor: { select: { name: true } } } } },
  });
  if (!article) throw new AppError('NOT_FOUND', 'No such article.');
  const revisions = article.revisions.map((revision, index) => {
    const previous = article.revisions[index - 1];
    const changes: RevisionChange[] = previous
      ? diffWordsWithSpace(previous.text, revision.text).map((part) => ({
          kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
          text: part.added || part.removed ? part.value : shorten(part.value),
        }))
      : [];
    return { version: revision.version, note: revision.note, editor: revision.editor?.name ?? null, createdAt: revision.createdAt, changes };
  });
  return { title: article.title, revisions: revisions.reverse() };
}
