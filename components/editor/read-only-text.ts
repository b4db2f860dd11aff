import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';

/**
 * Keeps the article text unchangeable while leaving the editor focusable, so a keyboard user can
 * move the caret and select a passage (shift + arrows), which a contenteditable=false editor
 * does not allow. Every transaction that would change the document is dropped.
 */
export const ReadOnlyText = Extension.create({
  name: 'readOnlyText',
  addProseMirrorPlugins() {
    return [new Plugin({ key: new PluginKey('read-only-text'), filterTransaction: (tr) => !tr.docChanged })];
  },
});
