import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { articleOffsetMap, articlePlainText } from '@/components/editor/plain-text';

export interface HighlightSpec {
  id: string;
  start: number;
  end: number;
  color: string;
  label: string;
  number: number;
  draft: boolean;
  exact: string;
  /** The passage being checked in the claim form, not yet saved: drawn without a number, not clickable. */
  pending?: boolean;
  /** A collaborator's pending passage (theirs, live): drawn in their colour, `label` as its title. */
  byPeer?: boolean;
}

/** What the editor is asked to show: every highlight, in text order, and the active one. */
export interface HighlightRequest {
  highlights: HighlightSpec[];
  activeId: string | null;
}

interface HighlightOptions {
  /** Called with every annotation covering the clicked position, innermost first. */
  onClick: (ids: string[]) => void;
  /**
   * What to show from the start: the first batch of it (the top of the article) is drawn in the
   * editor's first state, so the editor's first paint has those highlights; the rest follows.
   */
  initial: () => HighlightRequest | null;
}

interface Placed {
  spec: HighlightSpec;
  from: number;
  to: number;
}

export interface HighlightState {
  decorations: DecorationSet;
  /** The highlights drawn, by id, where they are now in the document. */
  placed: Map<string, Placed>;
  /** The highlights last asked for, by id. */
  wanted: Map<string, HighlightSpec>;
  activeId: string | null;
  /** Ids still to draw, redraw or take away: a batch per transaction, so no task runs long. */
  pending: string[];
}

/** A request changing at most this many highlights is drawn at once; a larger one in batches. */
export const HIGHLIGHT_BATCH = 150;
// Batches are sized to take about BATCH_TARGET_MS each on this machine (measured as they go):
// short enough to leave the browser room to paint and answer input, long enough not to spend the
// load on the overhead of many small updates and on the other tasks that would run between them.
const BATCH_TARGET_MS = 50;
const MIN_BATCH = 50;
const MAX_BATCH = 2500;
// How much larger than the last batch the next may be (its cost per highlight is an estimate).
const MAX_GROWTH = 4;

interface Continue {
  continue: number;
}

export const highlightPluginKey = new PluginKey<HighlightState>('factcheck-highlights');

const emptyState = (): HighlightState => ({ decorations: DecorationSet.empty, placed: new Map(), wanted: new Map(), activeId: null, pending: [] });

function sameSpec(a: HighlightSpec, b: HighlightSpec): boolean {
  return a.start === b.start && a.end === b.end && a.exact === b.exact && a.color === b.color && a.label === b.label && a.number === b.number && a.draft === b.draft && a.pending === b.pending && a.byPeer === b.byPeer;
}

/** Where `spec` goes in `doc`: at its offsets if the text there is still its passage. */
function locate(spec: HighlightSpec, doc: ProseMirrorNode): { from: number; to: number } | null {
  const text = articlePlainText(doc);
  if (spec.start >= spec.end || spec.end > text.length || text.slice(spec.start, spec.end) !== spec.exact) return null;
  return articleOffsetMap(doc).toDocRange(spec.start, spec.end);
}

// Highlight colours as classes, each defined once in a style sheet of the page (`--hl`), rather
// than an inline style on each highlight and badge: ProseMirror applies an inline decoration's
// style by parsing it into the element's, which for thousands of highlights was a good part of
// drawing them. A colour that is not a plain #rrggbb (verdict colours are) keeps an inline style.
const colorClasses = new Map<string, string>();
let colorRules: CSSStyleSheet | null = null;

/** A style sheet of the page's own for the colour rules: adopted by the document (no element in its head) where the browser can. */
function colorSheet(): CSSStyleSheet | null {
  if (colorRules) return colorRules;
  if (typeof CSSStyleSheet === 'function' && 'adoptedStyleSheets' in document) {
    try {
      colorRules = new CSSStyleSheet();
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, colorRules];
      return colorRules;
    } catch {
      // No constructable style sheets: an element of its own, below.
    }
  }
  const style = document.createElement('style');
  style.dataset.highlightColors = '';
  document.head.append(style);
  colorRules = style.sheet;
  return colorRules;
}

/** The class giving `--hl: color`, its rule added to the page the first time; null for an unusual colour. */
export function highlightColorClass(color: string): string | null {
  const known = colorClasses.get(color);
  if (known !== undefined) return known;
  if (!/^#[0-9a-fA-F]{6}$/.test(color)) return null;
  const name = `fc-hl-c${color.slice(1).toLowerCase()}`;
  if (typeof document !== 'undefined') {
    const sheet = colorSheet();
    sheet?.insertRule(`.${name} { --hl: ${color}; }`, sheet.cssRules.length);
  }
  colorClasses.set(color, name);
  return name;
}

function decorationsFor({ spec, from, to }: Placed, active: boolean): Decoration[] {
  if (spec.pending) {
    // A collaborator's colour only as a class (never an inline style from what their client sent).
    const peerClass = spec.byPeer ? ` fc-hl-peer ${highlightColorClass(spec.color) ?? ''}`.trimEnd() : '';
    return [Decoration.inline(from, to, { class: `fc-hl-pending${peerClass}`, nodeName: 'span', 'data-pending-id': spec.id, ...(spec.byPeer ? { title: spec.label } : {}) }, { id: spec.id })];
  }
  const colorClass = highlightColorClass(spec.color);
  return [
    Decoration.inline(
      from,
      to,
      {
        class: `fc-hl${colorClass ? ` ${colorClass}` : ''}${spec.draft ? ' fc-hl-draft' : ''}${active ? ' fc-hl-active' : ''}`,
        ...(colorClass ? {} : { style: `--hl: ${spec.color}` }),
        'data-annotation-id': spec.id,
        // A wrapper element of its own per highlight, so overlapping ones nest instead of merging.
        nodeName: 'span',
      },
      { id: spec.id },
    ),
    // The verdict in words and a number, so colour is never the only cue.
    Decoration.widget(
      to,
      () => {
        const badge = document.createElement('sup');
        badge.className = colorClass ? `fc-hl-badge ${colorClass}` : 'fc-hl-badge';
        if (!colorClass) badge.style.setProperty('--hl', spec.color);
        // Drawn by CSS from the attribute, so the number is not part of the article's text
        // (copying a passage does not copy it).
        badge.dataset.number = String(spec.number);
        badge.setAttribute('role', 'img');
        badge.title = `${spec.number}: ${spec.label}`;
        badge.setAttribute('aria-label', `Annotation ${spec.number}: ${spec.label}`);
        badge.dataset.annotationId = spec.id;
        return badge;
      },
      { side: 1, key: `badge-${spec.id}-${spec.number}-${spec.color}-${spec.label}`, ignoreSelection: true, id: spec.id },
    ),
  ];
}

/** The decorations of `id` drawn at `placed` (the widget sits at its end, which `find` includes). */
function drawnDecorations(set: DecorationSet, id: string, placed: Placed): Decoration[] {
  return set.find(placed.from, placed.to, (spec) => spec.id === id);
}

/** Moves the drawn highlights with a change of the text (a live correction). */
function mapThrough(state: HighlightState, tr: Transaction): HighlightState {
  // The same document again (the live document replacing the stored text it equals): same positions.
  if (tr.doc.eq(tr.before)) return { ...state, decorations: DecorationSet.create(tr.doc, state.decorations.find()) };
  let decorations = state.decorations.map(tr.mapping, tr.doc);
  const placed = new Map<string, Placed>();
  const gone: Decoration[] = [];
  const lost: string[] = [];
  for (const [id, p] of state.placed) {
    const from = tr.mapping.map(p.from, 1);
    const to = tr.mapping.map(p.to, -1);
    if (from < to) {
      placed.set(id, { spec: p.spec, from, to });
      continue;
    }
    // Its passage was deleted (or the whole text replaced): the badge would stay behind on its own,
    // and its offsets are tried again (they fit when the new text has the passage there).
    gone.push(...decorations.find(Math.min(from, to), Math.max(from, to), (spec) => spec.id === id));
    if (state.wanted.has(id)) lost.push(id);
  }
  if (gone.length) decorations = decorations.remove(gone);
  if (!lost.length) return { ...state, decorations, placed };
  const retry = new Set(lost);
  return { ...state, decorations, placed, pending: [...state.pending.filter((id) => !retry.has(id)), ...lost] };
}

/** Takes a new request: what differs from what is drawn becomes pending work. */
function request(state: HighlightState, next: HighlightRequest): HighlightState {
  const wanted = new Map(next.highlights.map((h) => [h.id, h]));
  const work = new Set<string>();
  // The card being opened or closed first: that is what the user is looking at.
  if (next.activeId !== state.activeId) {
    for (const id of [state.activeId, next.activeId]) if (id && (state.placed.has(id) || wanted.has(id))) work.add(id);
  }
  for (const id of state.placed.keys()) if (!wanted.has(id)) work.add(id);
  for (const h of next.highlights) {
    const drawn = state.placed.get(h.id);
    if (!drawn || !sameSpec(drawn.spec, h)) work.add(h.id);
  }
  return { ...state, wanted, activeId: next.activeId, pending: [...work] };
}

/** Draws the next batch of pending highlights. */
function drawBatch(state: HighlightState, doc: ProseMirrorNode, size: number): HighlightState {
  if (!state.pending.length) return state;
  const batch = state.pending.slice(0, size);
  const placed = new Map(state.placed);
  const remove: Decoration[] = [];
  const add: Decoration[] = [];
  for (const id of batch) {
    const before = placed.get(id);
    if (before) {
      remove.push(...drawnDecorations(state.decorations, id, before));
      placed.delete(id);
    }
    const spec = state.wanted.get(id);
    if (!spec) continue;
    // Offsets from before a text change that the server has not re-anchored yet do not fit: the
    // highlight stays where the change moved it (or, new, waits for the server's fresh anchors).
    const where = locate(spec, doc) ?? (before && { from: before.from, to: before.to });
    if (!where) continue;
    const p = { spec, ...where };
    placed.set(id, p);
    add.push(...decorationsFor(p, id === state.activeId));
  }
  const decorations = (remove.length ? state.decorations.remove(remove) : state.decorations).add(doc, add);
  return { ...state, decorations, placed, pending: state.pending.slice(batch.length) };
}

/**
 * The state transition of the highlights: `tr` may change the text (the highlights move with it),
 * carry a new request, or ask for the next batch of pending work.
 */
function applyHighlightTransaction(tr: Transaction, state: HighlightState): HighlightState {
  let next = tr.docChanged ? mapThrough(state, tr) : state;
  const meta = tr.getMeta(highlightPluginKey) as HighlightRequest | Continue | undefined;
  if (meta && 'continue' in meta) return drawBatch(next, tr.doc, meta.continue);
  if (!meta) return next;
  next = request(next, meta);
  // A small change (a card opened, an annotation saved) shows at once; a large one (the first
  // drawing of them all) starts in a task of its own, not in the one that asked for it.
  return next.pending.length <= HIGHLIGHT_BATCH ? drawBatch(next, tr.doc, HIGHLIGHT_BATCH) : next;
}

/** `tr`, asking the editor to show `next` (drawn over the next few tasks if much changed). */
export function requestHighlights(tr: Transaction, next: HighlightRequest): Transaction {
  return tr.setMeta(highlightPluginKey, next);
}

/** `tr`, drawing the next `count` pending highlights. */
export function drawPendingHighlights(tr: Transaction, count = HIGHLIGHT_BATCH): Transaction {
  return tr.setMeta(highlightPluginKey, { continue: count } satisfies Continue);
}

/** The first state of the highlights: `initial`'s first batch drawn (the rest pending). */
function initialHighlights(doc: ProseMirrorNode, initial: HighlightRequest | null): HighlightState {
  if (!initial) return emptyState();
  return drawBatch(request(emptyState(), initial), doc, HIGHLIGHT_BATCH);
}

type Scheduler = { postTask(callback: () => void, options: { priority: 'user-blocking'; signal: AbortSignal }): Promise<unknown> };

/**
 * Runs `callback` in a task of its own, soon: ahead of the page's other work where the browser
 * has task priorities (the highlights are what the reader waits for), and in any case without the
 * delay nested timers get. Returns the function that cancels it.
 */
function nextTask(callback: () => void): () => void {
  const scheduler = (globalThis as { scheduler?: Partial<Scheduler> }).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    const controller = new AbortController();
    scheduler.postTask(callback, { priority: 'user-blocking', signal: controller.signal }).catch(() => {});
    return () => controller.abort();
  }
  if (typeof MessageChannel === 'function') {
    const channel = new MessageChannel();
    let cancelled = false;
    channel.port1.onmessage = () => {
      channel.port1.close();
      if (!cancelled) callback();
    };
    channel.port2.postMessage(null);
    return () => {
      cancelled = true;
      channel.port1.close();
    };
  }
  const timer = setTimeout(callback, 0);
  return () => clearTimeout(timer);
}

/** The ProseMirror plugin of HighlightDecorations: its state, its batches' scheduling and its clicks. */
export function highlightPlugin(onClick: (ids: string[]) => void, initial: () => HighlightRequest | null = () => null): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: highlightPluginKey,
    state: { init: (_, state) => initialHighlights(state.doc, initial()), apply: applyHighlightTransaction },
    view(view) {
      // Pending work goes on in tasks of its own, so the browser paints and answers input between.
      let cancel: (() => void) | null = null;
      let size = HIGHLIGHT_BATCH;
      const schedule = () => {
        if (cancel !== null || !highlightPluginKey.getState(view.state)?.pending.length) return;
        cancel = nextTask(() => {
          cancel = null;
          if (view.isDestroyed) return;
          const count = Math.min(size, highlightPluginKey.getState(view.state)?.pending.length ?? 0);
          const started = performance.now();
          view.dispatch(drawPendingHighlights(view.state.tr, size));
          const spent = Math.max(1, performance.now() - started);
          // The next batch from this one's cost per highlight.
          size = Math.min(MAX_BATCH, Math.max(MIN_BATCH, Math.round(Math.min(size * MAX_GROWTH, (count * BATCH_TARGET_MS) / spent))));
        });
      };
      schedule();
      return {
        update: schedule,
        destroy: () => cancel?.(),
      };
    },
    props: {
      decorations(state) {
        return highlightPluginKey.getState(state)?.decorations;
      },
      handleClick(view, pos, event) {
        const target = event.target as HTMLElement | null;
        const badgeId = target?.closest<HTMLElement>('.fc-hl-badge')?.dataset.annotationId;
        if (badgeId) {
          onClick([badgeId]);
          return true;
        }
        // A shift-click extends a selection; ProseMirror does not call this after a drag.
        if (event.shiftKey) return false;
        const placed = highlightPluginKey.getState(view.state)?.placed.values() ?? [];
        const hits = [...placed].filter((p) => !p.spec.pending && p.from <= pos && pos < p.to).sort((a, b) => a.to - a.from - (b.to - b.from));
        if (!hits.length) return false;
        onClick(hits.map((h) => h.spec.id));
        return false;
      },
    },
  });
}

/**
 * Annotation highlights as ProseMirror decorations computed from the annotations' text
 * positions, not as marks in the document: they overlap and nest freely, cannot be removed by
 * formatting commands, and never change the article text. The decoration set is built once and
 * then changed only where a request differs from what is drawn, mapped through text changes, and
 * drawn in batches, each in its own task.
 */
export const HighlightDecorations = Extension.create<HighlightOptions>({
  name: 'highlightDecorations',

  addOptions() {
    return { onClick: () => {}, initial: () => null };
  },

  addProseMirrorPlugins() {
    return [highlightPlugin(this.options.onClick, this.options.initial)];
  },
});
