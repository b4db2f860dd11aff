import type { Prisma } from '@/lib/generated/prisma/client';
import { reanchor, type ReanchorResult } from '@/lib/anchoring/reanchor';
import { describeRange } from '@/lib/anchoring/selectors';
import { recordAnnotationEvent } from '@/lib/annotations/annotation-history';
import { publishArticleEvent } from '@/lib/events/article-events';
import { isSameArticleText } from '@/lib/collab/article-document';

type Tx = Prisma.TransactionClient;

export interface TextCorrection {
  articleId: string;
  text: string;
  /** The user whose edit was last applied; null when nobody can be named (e.g. a server-side change). */
  editorId: string | null;
}

export interface TextCorrectionResult {
  version: number;
  /** Annotations whose offsets shifted but whose quote is unchanged. */
  moved: number;
  /** Annotations whose quote itself was edited and found again by fuzzy matching, or found again after being orphaned. */
  refitted: number;
  /** Annotations that could not be placed in the new text (and were placed before). */
  orphaned: number;
}

interface AnnotationAnchorRow {
  id: string;
  deletedAt: Date | null;
  orphaned: boolean;
  quoteExact: string;
  quotePrefix: string;
  quoteSuffix: string;
  positionStart: number;
  positionEnd: number;
}

type AnchorUpdate = Pick<
  AnnotationAnchorRow,
  'orphaned' | 'quoteExact' | 'quotePrefix' | 'quoteSuffix' | 'positionStart' | 'positionEnd'
>;

type Outcome = 'unchanged' | 'moved' | 'refitted' | 'orphaned';

/**
 * Makes `text` the article's text, inside the caller's transaction: re-anchors every annotation of
 * the article against it (an annotation that cannot be placed is marked orphaned, never deleted),
 * records a revision, bumps the article's version and announces `article.changed` (delivered on
 * commit). Returns null when the text is the article's current text.
 */
export async function correctArticleText(tx: Tx, correction: TextCorrection): Promise<TextCorrectionResult | null> {
  const { articleId, text, editorId } = correction;
  // The row lock orders concurrent corrections (two collaboration instances storing the same
  // document): the second one sees the first one's text and has nothing left to do.
  const [article] = await tx.$queryRaw<Array<{ text: string; version: number }>>`
    SELECT "text", "version" FROM "Article" WHERE "id" = ${articleId} FOR UPDATE`;
  if (!article) throw new Error(`Article ${articleId} does not exist`);
  if (isSameArticleText(article.text, text)) return null;

  const version = article.version + 1;
  const counts: Record<Outcome, number> = { unchanged: 0, moved: 0, refitted: 0, orphaned: 0 };
  const annotations: AnnotationAnchorRow[] = await tx.annotation.findMany({
    where: { articleId },
    select: {
      id: true,
      deletedAt: true,
      orphaned: true,
      quoteExact: true,
      quotePrefix: true,
      quoteSuffix: true,
      positionStart: true,
      positionEnd: true,
    },
  });
  for (const row of annotations) {
    const result = reanchor(text, {
      exact: row.quoteExact,
      prefix: row.quotePrefix,
      suffix: row.quoteSuffix,
      start: row.positionStart,
      end: row.positionEnd,
    });
    const update = anchorUpdate(text, row, result);
    const outcome = outcomeOf(row, update);
    counts[outcome] += 1;
    if (outcome === 'unchanged') continue;
    await tx.annotation.update({ where: { id: row.id }, data: update });
    if (editorId && !row.deletedAt) await recordAnchorEvent(tx, row, update, outcome, editorId, version);
  }

  await tx.articleRevision.create({
    data: { articleId, version, text, editorId, note: revisionNote(article.text, text, counts) },
  });
  await tx.article.update({ where: { id: articleId }, data: { text, version } });
  await publishArticleEvent(tx, { type: 'article.changed', articleId, actorId: editorId, version });
  return { version, moved: counts.moved, refitted: counts.refitted, orphaned: counts.orphaned };
}

function anchorUpdate(text: string, row: AnnotationAnchorRow, result: ReanchorResult): AnchorUpdate {
  if (result.status === 'orphaned' || result.start >= result.end) {
    // Keep the old selectors: they are what the reviewer highlighted, and what a later
    // correction that restores the passage will find again.
    const { quoteExact, quotePrefix, quoteSuffix, positionStart, positionEnd } = row;
    return { orphaned: true, quoteExact, quotePrefix, quoteSuffix, positionStart, positionEnd };
  }
  const { quote, position } = describeRange(text, result.start, result.end);
  return {
    orphaned: false,
    quoteExact: quote.exact,
    quotePrefix: quote.prefix,
    quoteSuffix: quote.suffix,
    positionStart: position.start,
    positionEnd: position.end,
  };
}

function outcomeOf(row: AnnotationAnchorRow, update: AnchorUpdate): Outcome {
  if (update.orphaned) return row.orphaned ? 'unchanged' : 'orphaned';
  if (row.orphaned || update.quoteExact !== row.quoteExact) return 'refitted';
  const same =
    update.positionStart === row.positionStart &&
    update.positionEnd === row.positionEnd &&
    update.quotePrefix === row.quotePrefix &&
    update.quoteSuffix === row.quoteSuffix;
  return same ? 'unchanged' : 'moved';
}

async function recordAnchorEvent(
  tx: Tx,
  row: AnnotationAnchorRow,
  update: AnchorUpdate,
  outcome: Outcome,
  actorId: string,
  articleVersion: number,
): Promise<void> {
  if (outcome === 'orphaned') {
    await recordAnnotationEvent(tx, row.id, actorId, 'orphaned', { articleVersion, quote: row.quoteExact });
  } else if (outcome === 'refitted') {
    await recordAnnotationEvent(tx, row.id, actorId, 'reanchored', {
      articleVersion,
      quote: { from: row.quoteExact, to: update.quoteExact },
      wasOrphaned: row.orphaned,
    });
  }
}

/** E.g. "Corrected in the live editor: 3 characters replaced by 5 at offset 120. Annotations: 2 moved, 1 re-anchored, 1 orphaned." */
function revisionNote(before: string, after: string, counts: Record<Outcome, number>): string {
  let prefix = 0;
  const shorter = Math.min(before.length, after.length);
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix += 1;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix += 1;
  }
  const removed = before.length - prefix - suffix;
  const inserted = after.length - prefix - suffix;
  const change =
    removed === 0
      ? `${plural(inserted, 'character')} inserted`
      : inserted === 0
        ? `${plural(removed, 'character')} deleted`
        : `${plural(removed, 'character')} replaced by ${inserted}`;
  const annotations = [
    counts.moved && `${counts.moved} moved`,
    counts.refitted && `${counts.refitted} re-anchored`,
    counts.orphaned && `${counts.orphaned} orphaned`,
  ].filter(Boolean);
  const annotationNote = annotations.length ? ` Annotations: ${annotations.join(', ')}.` : '';
  return `Corrected in the live editor: ${change} at offset ${prefix}.${annotationNote}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
