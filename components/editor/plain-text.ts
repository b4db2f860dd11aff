import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

// Documents are immutable: the text of one is computed once, however often it is asked for (the
// highlights, the selection toolbar and the offset maps all read it).
const texts = new WeakMap<ProseMirrorNode, string>();

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
