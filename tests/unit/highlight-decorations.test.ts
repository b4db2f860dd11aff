import { getSchema } from '@tiptap/core';
import { Node, Slice } from '@tiptap/pm/model';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import type { Decoration } from '@tiptap/pm/view';
import StarterKit from '@tiptap/starter-kit';
import { describe, expect, it } from 'vitest';
import { textToDoc } from '@/lib/anchoring/text-document';
import { rangeToDocRange } from '@/lib/anchoring/positions';
import { HIGHLIGHT_BATCH, drawPendingHighlights, highlightPlugin, highlightPluginKey, requestHighlights, type HighlightSpec } from '@/components/editor/highlight-decorations';

const schema = getSchema([StarterKit]);
const words = Array.from({ length: 900 }, (_, i) => `word${i}`);
// Nine paragraphs of a hundred words each.
const text = `${Array.from({ length: 9 }, (_, p) => words.slice(p * 100, p * 100 + 100).join(' ')).join('\n')}\n`;

function stateOf(content: string): EditorState {
  return EditorState.create({ doc: Node.fromJSON(schema, textToDoc(content)), plugins: [highlightPlugin(() => {})] });
}

/** A highlight over word `i` (and the `length - 1` words after it) of `content`. */
function spec(i: number, length = 1, extra: Partial<HighlightSpec> = {}, content = text): HighlightSpec {
  const start = content.indexOf(`word${i} `) >= 0 ? content.indexOf(`word${i} `) : content.indexOf(`word${i}\n`);
  const last = `word${i + length - 1}`;
  const end = content.indexOf(last, start) + last.length;
  return { id: `a${i}`, start, end, color: '#dc2626', label: 'False', number: i + 1, draft: false, exact: content.slice(start, end), ...extra };
}

const highlights = (state: EditorState) => highlightPluginKey.getState(state)!;
const decorationsOf = (state: EditorState, id?: string): Decoration[] => highlights(state).decorations.find(undefined, undefined, (s) => id === undefined || s.id === id);
const inlineOf = (state: EditorState, id: string) => decorationsOf(state, id).find((d) => d.from < d.to) as (Decoration & { type: { attrs: Record<string, string> } }) | undefined;

/** Applies `tr` and then every pending batch, as the plugin's view does in tasks of their own. */
function settle(state: EditorState, tr: Transaction): { state: EditorState; batches: number } {
  let next = state.apply(tr);
  let batches = 1;
  while (highlights(next).pending.length) {
    next = next.apply(drawPendingHighlights(next.tr));
    batches += 1;
  }
  return { state: next, batches };
}

describe('highlight decorations', () => {
  it('draws a large request in batches, an inline decoration and a badge per highlight, at the offsets', () => {
    const wanted = Array.from({ length: 400 }, (_, i) => spec(i * 2));
    // More than a batch: nothing is drawn in the transaction that asks, then a batch at a time.
    const first = stateOf(text).apply(requestHighlights(stateOf(text).tr, { highlights: wanted, activeId: null }));
    expect(highlights(first).placed.size).toBe(0);
    expect(highlights(first.apply(drawPendingHighlights(first.tr))).placed.size).toBe(HIGHLIGHT_BATCH);
    const { state, batches } = settle(stateOf(text), requestHighlights(stateOf(text).tr, { highlights: wanted, activeId: null }));
    expect(batches).toBe(1 + Math.ceil(400 / HIGHLIGHT_BATCH));
    expect(decorationsOf(state)).toHaveLength(800);
    const range = rangeToDocRange(text, wanted[7]!.start, wanted[7]!.end);
    expect(inlineOf(state, 'a14')).toMatchObject({ from: range.from, to: range.to });
    expect(decorationsOf(state, 'a14').find((d) => d.from === d.to)?.from).toBe(range.to);
    expect(state.doc.textBetween(range.from, range.to)).toBe('word14');
  });

  it('draws the first batch of what it is given at the start in the first state, the rest pending', () => {
    const wanted = Array.from({ length: 400 }, (_, i) => spec(i * 2));
    const initial = { highlights: wanted, activeId: 'a798' };
    const first = EditorState.create({ doc: Node.fromJSON(schema, textToDoc(text)), plugins: [highlightPlugin(() => {}, () => initial)] });
    // The active one first, then the top of the article.
    expect([...highlights(first).placed.keys()].slice(0, 3)).toEqual(['a798', 'a0', 'a2']);
    expect(highlights(first).placed.size).toBe(HIGHLIGHT_BATCH);
    expect(highlights(first).pending).toHaveLength(400 - HIGHLIGHT_BATCH);
    // The same request again (as the editor's owner makes it once created) leaves what is drawn.
    const again = first.apply(requestHighlights(first.tr, initial));
    expect(highlights(again).decorations).toBe(highlights(first).decorations);
    const { state } = settle(first, requestHighlights(first.tr, initial));
    expect(decorationsOf(state)).toHaveLength(800);
    expect(inlineOf(state, 'a798')!.type.attrs.class).toContain('fc-hl-active');
  });

  it('redraws only what changed: nothing for the same request, one highlight for one change', () => {
    const wanted = Array.from({ length: 300 }, (_, i) => spec(i));
    const { state } = settle(stateOf(text), requestHighlights(stateOf(text).tr, { highlights: wanted, activeId: null }));
    const same = state.apply(requestHighlights(state.tr, { highlights: wanted.map((h) => ({ ...h })), activeId: null }));
    expect(highlights(same).decorations).toBe(highlights(state).decorations);

    // ProseMirror redraws a paragraph only when its own decorations are not the same.
    const paragraph = (s: EditorState, index: number) => {
      let offset = 0;
      for (let i = 0; i < index; i++) offset += s.doc.child(i).nodeSize;
      return highlights(s).decorations.forChild(offset, s.doc.child(index));
    };
    const changed = state.apply(requestHighlights(state.tr, { highlights: wanted.map((h) => (h.id === 'a200' ? { ...h, color: '#16a34a', label: 'True' } : h)), activeId: null }));
    expect(highlights(changed).pending).toEqual([]);
    expect(paragraph(changed, 0)).toBe(paragraph(state, 0));
    expect(paragraph(changed, 2)).not.toBe(paragraph(state, 2));
    expect(inlineOf(changed, 'a200')!.type.attrs.class).toBe('fc-hl fc-hl-c16a34a');
    expect(inlineOf(changed, 'a200')!.type.attrs.style).toBeUndefined();
    expect(decorationsOf(changed)).toHaveLength(600);

    const fewer = state.apply(requestHighlights(state.tr, { highlights: wanted.filter((h) => h.id !== 'a9'), activeId: null }));
    expect(decorationsOf(fewer, 'a9')).toEqual([]);
    expect(decorationsOf(fewer)).toHaveLength(598);
  });

  it('marks the active highlight, first of all pending work', () => {
    const wanted = Array.from({ length: 400 }, (_, i) => spec(i));
    const { state } = settle(stateOf(text), requestHighlights(stateOf(text).tr, { highlights: wanted, activeId: null }));
    const active = state.apply(requestHighlights(state.tr, { highlights: wanted, activeId: 'a399' }));
    expect(inlineOf(active, 'a399')!.type.attrs.class).toBe('fc-hl fc-hl-cdc2626 fc-hl-active');
    const moved = active.apply(requestHighlights(active.tr, { highlights: wanted, activeId: 'a3' }));
    expect(inlineOf(moved, 'a399')!.type.attrs.class).toBe('fc-hl fc-hl-cdc2626');
    expect(inlineOf(moved, 'a3')!.type.attrs.class).toBe('fc-hl fc-hl-cdc2626 fc-hl-active');
    const drafted = moved.apply(requestHighlights(moved.tr, { highlights: wanted.map((h) => (h.id === 'a4' ? { ...h, draft: true } : h)), activeId: 'a3' }));
    expect(inlineOf(drafted, 'a4')!.type.attrs.class).toBe('fc-hl fc-hl-cdc2626 fc-hl-draft');
  });

  it('marks the passage being checked in the claim form without a badge, and a click on it opens nothing', () => {
    const clicks: string[][] = [];
    const plugin = highlightPlugin((ids) => clicks.push(ids));
    const start = EditorState.create({ doc: Node.fromJSON(schema, textToDoc(text)), plugins: [plugin] });
    const pending = spec(5, 3, { id: 'pending-1', pending: true, number: 0, draft: true });
    const { state } = settle(start, requestHighlights(start.tr, { highlights: [spec(1), pending], activeId: null }));
    expect(decorationsOf(state, 'pending-1')).toHaveLength(1); // no badge
    expect(inlineOf(state, 'pending-1')!.type.attrs.class).toBe('fc-hl-pending');
    const click = (pos: number) => plugin.props.handleClick!.call(plugin, { state } as never, pos, { target: null, shiftKey: false } as never);
    click(inlineOf(state, 'pending-1')!.from + 1);
    expect(clicks).toEqual([]);
    click(inlineOf(state, 'a1')!.from + 1);
    expect(clicks).toEqual([['a1']]);
    // Gone when the form closes.
    const closed = state.apply(requestHighlights(state.tr, { highlights: [spec(1)], activeId: null }));
    expect(decorationsOf(closed, 'pending-1')).toHaveLength(0);
    // A collaborator's, in their colour by a class (never a style from their client) and with who in its title.
    const theirs = spec(20, 2, { id: 'peer-7', pending: true, byPeer: true, number: 0, color: '#7e22ce', label: 'Cleo is checking this passage' });
    const withPeer = settle(closed, requestHighlights(closed.tr, { highlights: [spec(1), theirs], activeId: null })).state;
    expect(inlineOf(withPeer, 'peer-7')!.type.attrs).toEqual({ class: 'fc-hl-pending fc-hl-peer fc-hl-c7e22ce', nodeName: 'span', 'data-pending-id': 'peer-7', title: 'Cleo is checking this passage' });
    const odd = settle(closed, requestHighlights(closed.tr, { highlights: [{ ...theirs, color: 'red;background:url(x)' }], activeId: null })).state;
    expect(inlineOf(odd, 'peer-7')!.type.attrs.class).toBe('fc-hl-pending fc-hl-peer');
    expect(inlineOf(odd, 'peer-7')!.type.attrs).not.toHaveProperty('style');
  });

  it('moves with a change of the text and keeps its place until fresh offsets fit', () => {
    const wanted = [spec(3), spec(150, 3)];
    const { state } = settle(stateOf(text), requestHighlights(stateOf(text).tr, { highlights: wanted, activeId: null }));
    // Someone types at the start of the article: both passages move on by six characters.
    const typed = state.apply(state.tr.insertText('Typed ', 1));
    const at = (s: EditorState, id: string) => s.doc.textBetween(inlineOf(s, id)!.from, inlineOf(s, id)!.to);
    expect(at(typed, 'a3')).toBe('word3');
    expect(at(typed, 'a150')).toBe('word150 word151 word152');
    // A re-read before the server re-anchored: the old offsets no longer fit, the highlight stays.
    const stale = typed.apply(requestHighlights(typed.tr, { highlights: wanted.map((h) => ({ ...h, number: h.number + 1 })), activeId: 'a150' }));
    expect(at(stale, 'a150')).toBe('word150 word151 word152');
    // The server's fresh offsets, over the new text, place it again.
    const newText = `Typed ${text}`;
    const fresh = stale.apply(requestHighlights(stale.tr, { highlights: [spec(3, 1, {}, newText), spec(150, 3, {}, newText)], activeId: null }));
    expect(at(fresh, 'a150')).toBe('word150 word151 word152');
    expect(highlights(fresh).placed.get('a150')!.spec.start).toBe(newText.indexOf('word150'));
  });

  it('keeps every decoration when the document is replaced by an equal one (the live document syncing)', () => {
    const wanted = Array.from({ length: 200 }, (_, i) => spec(i * 4));
    const { state } = settle(stateOf(text), requestHighlights(stateOf(text).tr, { highlights: wanted, activeId: null }));
    const same = Node.fromJSON(schema, textToDoc(text));
    const replaced = state.apply(state.tr.replace(0, state.doc.content.size, new Slice(same.content, 0, 0)));
    expect(replaced.doc).not.toBe(state.doc);
    expect(decorationsOf(replaced)).toHaveLength(400);
    expect(decorationsOf(replaced).map((d) => [d.from, d.to])).toEqual(decorationsOf(state).map((d) => [d.from, d.to]));
    expect(highlights(replaced).pending).toEqual([]);
  });

  it('takes the badge away with a deleted passage, and draws a highlight again where a replaced text still has it', () => {
    const wanted = [spec(10), spec(20)];
    const { state } = settle(stateOf(text), requestHighlights(stateOf(text).tr, { highlights: wanted, activeId: null }));
    const { from, to } = inlineOf(state, 'a10')!;
    const deleted = state.apply(state.tr.delete(from, to));
    expect(decorationsOf(deleted, 'a10')).toEqual([]);
    expect(decorationsOf(deleted, 'a20')).toHaveLength(2);

    // A different text put in place of the whole document: what still fits is drawn again.
    const other = text.replace('word20 ', 'changed ');
    const doc = Node.fromJSON(schema, textToDoc(other));
    const { state: replaced } = settle(state, state.tr.replace(0, state.doc.content.size, new Slice(doc.content, 0, 0)));
    expect(decorationsOf(replaced, 'a10')).toHaveLength(2);
    expect(decorationsOf(replaced, 'a20')).toEqual([]);
  });

  it('colours a highlight and its badge by a class per verdict colour, an unusual colour by an inline style', () => {
    const { state } = settle(stateOf(text), requestHighlights(stateOf(text).tr, { highlights: [spec(1, 1, { color: '#1B7A3A' }), spec(2, 1, { color: 'rebeccapurple' })], activeId: null }));
    expect(inlineOf(state, 'a1')!.type.attrs).toMatchObject({ class: 'fc-hl fc-hl-c1b7a3a', 'data-annotation-id': 'a1' });
    expect(inlineOf(state, 'a1')!.type.attrs.style).toBeUndefined();
    expect(inlineOf(state, 'a2')!.type.attrs).toMatchObject({ class: 'fc-hl', style: '--hl: rebeccapurple' });
  });

  it('does not draw a highlight whose passage is not at its offsets', () => {
    const wrong = { ...spec(5), exact: 'something else' };
    const { state } = settle(stateOf(text), requestHighlights(stateOf(text).tr, { highlights: [wrong, spec(6)], activeId: null }));
    expect(decorationsOf(state, 'a5')).toEqual([]);
    expect(decorationsOf(state, 'a6')).toHaveLength(2);
  });
});
