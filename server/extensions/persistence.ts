import type { Extension, onLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import {
  ARTICLE_FRAGMENT,
  articleTextOfYDoc,
  buildArticleYUpdate,
  isSameArticleText,
  replaceArticleText,
} from '@/lib/collab/article-document';
import { articleIdFromDocumentName } from '@/lib/collab/document-name';
import { saveCollabDocument } from '@/lib/collab/save-collab-document';
import type { PrismaClient } from '@/lib/prisma-client';
import type { CollabContext, CollabLog } from '../collab-context';

/**
 * Y state in CollabDocument, article text in Article. Loading starts from the stored state (or
 * the article's text); storing (debounced by Hocuspocus, and when the last client leaves) writes
 * the state and, when the text changed, the correction with its re-anchored annotations.
 */
export class Persistence implements Extension<CollabContext> {
  extensionName = 'factcheck-persistence';

  constructor(private readonly deps: { prisma: PrismaClient; log: CollabLog }) {}

  async onLoadDocument({ documentName }: onLoadDocumentPayload<CollabContext>): Promise<Uint8Array> {
    const articleId = requireArticleId(documentName);
    const { prisma } = this.deps;
    const [stored, article] = await Promise.all([
      prisma.collabDocument.findUnique({ where: { name: documentName }, select: { state: true } }),
      prisma.article.findUnique({ where: { id: articleId }, select: { text: true } }),
    ]);
    if (!article) throw new Error(`collab: article ${articleId} does not exist`);
    if (!stored) return buildArticleYUpdate(article.text);
    return this.reconcile(documentName, stored.state, article.text);
  }

  async onStoreDocument({ documentName, document, lastContext }: onStoreDocumentPayload<Partial<CollabContext>>): Promise<void> {
    const articleId = requireArticleId(documentName);
    // An empty fragment is a document that never received the article, not an editor deleting
    // everything (the editor always keeps one paragraph): never take it as the new text.
    const text = document.getXmlFragment(ARTICLE_FRAGMENT).length > 0 ? articleTextOfYDoc(document) : null;
    const correction = await saveCollabDocument(this.deps.prisma, {
      name: documentName,
      articleId,
      state: Y.encodeStateAsUpdate(document),
      text,
      editorId: lastContext?.user?.id ?? null,
    });
    if (correction) {
      const { version, moved, refitted, orphaned } = correction;
      this.deps.log(
        `collab: ${documentName} corrected to version ${version} (annotations: ${moved} moved, ${refitted} re-anchored, ${orphaned} orphaned)`,
      );
    }
  }

  /**
   * The article's text wins when it was changed outside the editor while the document was
   * unloaded. The change is applied as an edit on top of the stored state, and stored at once, so
   * that clients still holding the old state merge it instead of duplicating the article.
   */
  private async reconcile(documentName: string, storedState: Uint8Array, articleText: string): Promise<Uint8Array> {
    const ydoc = new Y.Doc();
    try {
      Y.applyUpdate(ydoc, storedState);
      if (isSameArticleText(articleTextOfYDoc(ydoc), articleText)) return storedState;
      replaceArticleText(ydoc, articleText);
      const state = Uint8Array.from(Y.encodeStateAsUpdate(ydoc));
      await this.deps.prisma.collabDocument.update({ where: { name: documentName }, data: { state } });
      this.deps.log(`collab: ${documentName} took the article's text, changed outside the editor`);
      return state;
    } finally {
      ydoc.destroy();
    }
  }
}

function requireArticleId(documentName: string): string {
  const articleId = articleIdFromDocumentName(documentName);
  // onAuthenticate refuses other names, so this is reached only through a server-side bug.
  if (!articleId) throw new Error(`collab: ${documentName} is not an article document`);
  return articleId;
}
