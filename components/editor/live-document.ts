import type { Editor } from '@tiptap/core';
import { keydownHandler } from '@tiptap/pm/keymap';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { defaultSelectionBuilder, redo, undo, yCursorPlugin, yCursorPluginKey, ySyncPlugin, ySyncPluginKey, yUndoPlugin, yUndoPluginKey } from '@tiptap/y-tiptap';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import type * as Y from 'yjs';
import { ARTICLE_FRAGMENT } from '@/lib/collab/article-document';

export interface LiveDocument {
  ydoc: Y.Doc;
  provider: HocuspocusProvider;
  self: { name: string; color: string };
}

type Collaborator = { name?: unknown; color?: unknown };

const undoKeysKey = new PluginKey('live-document-undo-keys');

// Colours come from the server (it overwrites what clients claim); anything else draws nothing.
const safeColor = (color: unknown) => (typeof color === 'string' && /^#[0-9a-fA-F]{6}$/.test(color) ? color : 'transparent');

/** A collaborator's caret with their name, as TipTap's CollaborationCaret draws it (same classes). */
function caret(user: Collaborator): HTMLElement {
  const color = safeColor(user.color);
  const element = document.createElement('span');
  element.classList.add('collaboration-carets__caret');
  element.style.borderColor = color;
  const label = document.createElement('div');
  label.classList.add('collaboration-carets__label');
  label.style.backgroundColor = color;
  label.append(document.createTextNode(String(user.name ?? '')));
  element.append(label);
  return element;
}

/** Whether a transaction brings the live document's changes (collaborators', or its first sync). */
export function isLiveChange(tr: Transaction): boolean {
  // As TipTap's Collaboration extension tells them (its isChangeOrigin).
  return !!tr.getMeta(ySyncPluginKey);
}

/**
 * Binds an editor that already shows the article's stored text to its live Y document: the same
 * y-tiptap plugins TipTap's Collaboration and CollaborationCaret extensions add (sync, undo with
 * its keys, collaborators' carets), added to the running editor instead of building a new one.
 * The sync plugin then puts the live document in place of the stored text; when the two are the
 * same, ProseMirror keeps every paragraph's DOM and the highlights stay as they are. Returns the
 * function that unbinds it.
 */
export function bindLiveDocument(editor: Editor, live: LiveDocument): () => void {
  const plugins = [
    ySyncPlugin(live.ydoc.getXmlFragment(ARTICLE_FRAGMENT)),
    yUndoPlugin(),
    new Plugin({ key: undoKeysKey, props: { handleKeyDown: keydownHandler({ 'Mod-z': undo, 'Mod-y': redo, 'Shift-Mod-z': redo }) } }),
  ];
  const { awareness } = live.provider;
  if (awareness) {
    plugins.push(
      yCursorPlugin(awareness, {
        cursorBuilder: caret,
        selectionBuilder: (user: Collaborator) => (safeColor(user.color) === 'transparent' ? {} : defaultSelectionBuilder(user)),
      }),
    );
  }
  // One reconfiguration for all of them: each one re-creates every plugin view.
  editor.registerPlugin(plugins[0]!, (_, current) => [...plugins, ...current]);
  return () => {
    editor.unregisterPlugin([ySyncPluginKey, yUndoPluginKey, undoKeysKey, yCursorPluginKey]);
  };
}
