import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { createOffsetMap, type OffsetMap } from '@/lib/anchoring/positions';

// Documents are immutable: the text of one is computed once, however often it is asked for (the
// highlights, the selection toolbar and the offset maps all read it).
const texts = new WeakMap<ProseMirrorNode, string>();
const offsetMaps = new WeakMap<ProseMirrorNode, OffsetMap>();

/** The plain text of the editor's document, by the same rule the server stores it: one line per block. */
export function articlePlainText(doc: ProseMirrorNode): string {
  let text = texts.get(doc);
  if (text === undefined) {
    const lines: string[] = [];
    doc.descendants((node) => {
      if (!node.isTextblock) return true;
      lines.push(node.textContent);
      return false;
    });
    text = lines.map((line) => `${line}\n`).join('');
    texts.set(doc, text);
  }
  return text;
}

/**
 * The offset map between the document's plain text and its positions, built once per document.
 * (Kept by document, not by text: two equal texts are different strings once the live document
 * has replaced the stored one, and comparing them costs a pass over the whole article each time.)
 */
export function articleOffsetMap(doc: ProseMirrorNode): OffsetMap {
  let map = offsetMaps.get(doc);
  if (map === undefined) {
    map = createOffsetMap(articlePlainText(doc));
    offsetMaps.set(doc, map);
  }
  return map;
}
