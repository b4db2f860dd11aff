import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';

interface ReadOnlyTextOptions {
  /** Whether this user may change the text right now (an editor in correction mode). */
  canEdit: () => boolean;
  /**
   * Whether a transaction brings collaborators' changes (the live document's sync): told by the
   * live-document binding, which is loaded only when the editor goes live (before that, none does).
   */
  isRemote: (tr: Transaction) => boolean;
}

/**
 * Keeps the article text unchangeable while leaving the editor focusable, so a keyboard user can
 * move the caret and select a passage (shift + arrows), which a contenteditable=false editor
 * does not allow. Local transactions that would change the document are dropped unless
 * `canEdit()`; changes arriving from collaborators (Yjs) always pass. The collaboration server
 * enforces the same rule for reviewers, whose connections are read-only.
 */
export const ReadOnlyText = Extension.create<ReadOnlyTextOptions>({
  name: 'readOnlyText',
  addOptions() {
    return { canEdit: () => false, isRemote: () => false };
  },
  addProseMirrorPlugins() {
    const { canEdit, isRemote } = this.options;
    return [
      new Plugin({
        key: new PluginKey('read-only-text'),
        filterTransaction: (tr) => !tr.docChanged || isRemote(tr) || canEdit(),
      }),
    ];
  },
});
