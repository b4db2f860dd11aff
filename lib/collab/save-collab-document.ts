import type { PrismaClient } from '@/lib/prisma-client';
import { correctArticleText, type TextCorrectionResult } from '@/lib/collab/correct-article-text';

export interface CollabDocumentSnapshot {
  name: string;
  articleId: string;
  /** `Y.encodeStateAsUpdate` of the document. */
  state: Uint8Array;
  /** The article's plain text in that state, or null when it must not be taken as the text. */
  text: string | null;
  editorId: string | null;
}

/**
 * Stores a collaborative document's state and, when its text differs from the article's, applies
 * the correction (re-anchoring, revision, version, event) in the same transaction: the stored
 * state and the article's text never disagree.
 */
export async function saveCollabDocument(prisma: PrismaClient, snapshot: CollabDocumentSnapshot): Promise<TextCorrectionResult | null> {
  const { name, articleId, state, text, editorId } = snapshot;
  return prisma.$transaction(
    async (tx) => {
      const bytes = Uint8Array.from(state);
      await tx.collabDocument.upsert({ where: { name }, create: { name, state: bytes }, update: { state: bytes } });
      return text === null ? null : correctArticleText(tx, { articleId, text, editorId });
    },
    // An article with hundreds of annotations re-anchors each one in this transaction.
    { timeout: 30_000, maxWait: 10_000 },
  );
}
