import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import type { Node as ProseMirrorNode, Schema } from '@tiptap/pm/model';
import { prosemirrorJSONToYXmlFragment, updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { textToDoc } from '@/lib/anchoring/text-document';

// The article body inside a Y document, as the TipTap Collaboration extension keeps it: a
// ProseMirror document (StarterKit schema) in the XmlFragment named "default".
export const ARTICLE_FRAGMENT = 'default';

let schema: Schema | undefined;

export function articleSchema(): Schema {
  return (schema ??= getSchema([StarterKit]));
}

/**
 * The initial Y state of an article. Built by a fixed client id, so that every build of the same
 * text yields the same Yjs items: two server instances (or one server before and after unloading
 * an unstored document) that each build it cannot make a client that already holds one copy
 * merge in a second.
 */
export function buildArticleYUpdate(text: string): Uint8Array {
  const ydoc = new Y.Doc();
  ydoc.clientID = 0;
  prosemirrorJSONToYXmlFragment(articleSchema(), textToDoc(text), ydoc.getXmlFragment(ARTICLE_FRAGMENT));
  const update = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  return update;
}

/**
 * The plain text of the article in a Y document: one line per text block (paragraph, heading...),
 * each followed by "\n". A hard break inside a block becomes "\n" as well, so it reads as the
 * paragraph break it will be when the text is loaded again.
 */
export function articleTextOfYDoc(ydoc: Y.Doc): string {
  return plainTextOf(yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(ARTICLE_FRAGMENT), articleSchema()));
}

function plainTextOf(doc: ProseMirrorNode): string {
  const lines: string[] = [];
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    lines.push(node.textBetween(0, node.content.size, undefined, '\n'));
    return false;
  });
  return lines.map((line) => `${line}\n`).join('');
}

/**
 * Rewrites the article in the Y document to `text` as the editor binding would: a diff against
 * the current content, so concurrent edits and clients' copies merge instead of duplicating.
 */
export function replaceArticleText(ydoc: Y.Doc, text: string): void {
  const target = articleSchema().nodeFromJSON(textToDoc(text));
  updateYFragment(ydoc, ydoc.getXmlFragment(ARTICLE_FRAGMENT), target, { mapping: new Map(), isOMark: new Map() });
}

/**
 * Whether two article texts are the same article. textToDoc drops a trailing newline, so a text
 * without one comes back from the editor with one; that is not a change.
 */
export function isSameArticleText(a: string, b: string): boolean {
  return withTrailingNewline(a) === withTrailingNewline(b);
}

function withTrailingNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
