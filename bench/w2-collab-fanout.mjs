// Workload 2: 50 Node clients on the seed article's live document; one (an editor) makes 200
// one-character insertions into the first paragraph's Y.XmlText, one at a time; for each, the time
// until every other client holds it. Baseline: the same against Hocuspocus with no extensions.
// Both sets of clients are connected at once and the changes alternate between the two servers
// (app, bare, app, bare…), so that the machine's background noise falls on both alike.
import * as Y from 'yjs';
import { summarize, ratio, sleep } from './lib.mjs';
import { articleDocumentName, connectClient, connectMany, destroyAll, firstXmlText, startBareServer } from './collab.mjs';

const CLIENTS = 50;
const WARMUP_CHANGES = 10;
const CHANGES = Number(process.env.BENCH_COLLAB_CHANGES ?? 200);
const CHANGE_TIMEOUT_MS = 10_000;

/**
 * One writer and its receivers. `change()` inserts one character and resolves with the time until
 * the last receiver holds it (null past the timeout); per-receiver times go to `deliveries`.
 */
function fanout(clients, label) {
  const [writer, ...receivers] = clients;
  const text = firstXmlText(writer.doc);
  if (!text) throw new Error(`${label}: the document has no paragraph text to edit`);
  const writerId = writer.doc.clientID;
  let pending = null;
  receivers.forEach((client, index) => {
    client.doc.on('update', () => {
      if (!pending || pending.arrived.has(index)) return;
      if (Y.getState(client.doc.store, writerId) >= pending.clock) {
        const latency = performance.now() - pending.t0;
        pending.arrived.add(index);
        pending.deliveries.push(latency);
        if (pending.arrived.size === receivers.length) pending.resolve(latency);
      }
    });
  });
  let count = 0;
  return {
    async change() {
      const arrived = new Promise((resolve) => {
        pending = { clock: 0, t0: 0, arrived: new Set(), deliveries: [], resolve };
      });
      const position = Math.min(text.length, (count++ * 7) % 40);
      pending.t0 = performance.now();
      text.insert(position, 'x');
      pending.clock = Y.getState(writer.doc.store, writerId);
      const all = await Promise.race([arrived, sleep(CHANGE_TIMEOUT_MS).then(() => null)]);
      const { deliveries } = pending;
      pending = null;
      return { all, deliveries };
    },
  };
}

/** Connects the writer (bringing the content to a bare server) and then the others; all converge. */
async function connectSet({ url, documentName, tokenFor, seedState, log, label, clients }) {
  const writer = connectClient(url, documentName, await tokenFor(0));
  clients.push(writer);
  const start = Date.now();
  while (!writer.synced) {
    if (writer.failures.length) throw new Error(`${label}: the writer was refused (${writer.failures.join(', ')})`);
    if (Date.now() - start > 60_000) throw new Error(`${label}: the writer did not sync within 60 s`);
    await sleep(20);
  }
  if (seedState) Y.applyUpdate(writer.doc, seedState);
  const others = await connectMany(CLIENTS - 1, async (i) => connectClient(url, documentName, await tokenFor(i + 1)));
  clients.push(...others);
  const target = Buffer.from(Y.encodeStateVector(writer.doc));
  const deadline = Date.now() + 30_000;
  while (others.some((c) => Buffer.compare(Buffer.from(Y.encodeStateVector(c.doc)), target) !== 0)) {
    if (Date.now() > deadline) throw new Error(`${label}: clients did not converge before the run`);
    await sleep(50);
  }
  log(`collab: ${label}: ${CLIENTS} clients synced`);
  return [writer, ...others];
}

export default {
  id: 'fanout',
  title: 'Collaboration fan-out (50 clients)',
  async run(ctx) {
    const documentName = articleDocumentName(ctx.seedArticle.id);
    const roster = [ctx.users.editor, ctx.users.reviewer, ctx.users.admin];
    const tokens = new Map();
    const tokenFor = async (i) => {
      const user = i === 0 ? ctx.users.editor : roster[i % roster.length];
      if (!tokens.has(user.id)) tokens.set(user.id, await ctx.collabToken(user));
      return tokens.get(user.id);
    };

    const clients = [];
    const bare = await startBareServer();
    try {
      const appSet = await connectSet({ url: ctx.collabUrl, documentName, tokenFor, log: ctx.log, label: 'app collab server', clients });
      // The bare server gets the same document from the app's writer (it has no persistence).
      const seedState = Y.encodeStateAsUpdate(appSet[0].doc);
      const bareSet = await connectSet({ url: bare.url, documentName, tokenFor: async () => 'bare', seedState, log: ctx.log, label: 'bare Hocuspocus', clients });
      const app = fanout(appSet, 'app collab server');
      const base = fanout(bareSet, 'bare Hocuspocus');

      ctx.log(`collab: ${WARMUP_CHANGES} warm-up changes each, then ${CHANGES} each, alternating between the two servers`);
      for (let i = 0; i < WARMUP_CHANGES; i++) {
        await app.change();
        await base.change();
      }
      const results = { app: { all: [], deliveries: [], lost: 0 }, bare: { all: [], deliveries: [], lost: 0 } };
      for (let i = 0; i < CHANGES; i++) {
        for (const [key, set] of [
          ['app', app],
          ['bare', base],
        ]) {
          const { all, deliveries } = await set.change();
          if (all === null) results[key].lost += 1;
          else results[key].all.push(all);
          results[key].deliveries.push(...deliveries);
          // A breath between changes, as a typist's keystrokes are apart.
          await sleep(5);
        }
      }

      const a = summarize(results.app.all);
      const b = summarize(results.bare.all);
      const da = summarize(results.app.deliveries);
      const db = summarize(results.bare.deliveries);
      const p99Ratio = ratio(a.p99, b.p99);
      const notes = [];
      if (results.app.lost) notes.push(`app: ${results.app.lost} of ${CHANGES} changes did not reach every client within ${CHANGE_TIMEOUT_MS / 1000} s`);
      if (results.bare.lost) notes.push(`bare: ${results.bare.lost} of ${CHANGES} changes did not reach every client`);
      notes.push(`p99 of ${CHANGES} changes is their 2nd slowest: one hiccup of this shared machine moves it`);
      return {
        rows: [
          { metric: 'all 49 have it, p50', value: a.p50, unit: 'ms', baseline: b.p50, ratio: ratio(a.p50, b.p50) },
          {
            metric: 'all 49 have it, p99',
            value: a.p99,
            unit: 'ms',
            baseline: b.p99,
            ratio: p99Ratio,
            goal: '< 100 ms, <= 1.5x',
            met: a.p99 !== null && a.p99 < 100 && p99Ratio !== null && p99Ratio <= 1.5,
          },
          { metric: 'per-client delivery p50', value: da.p50, unit: 'ms', baseline: db.p50, ratio: ratio(da.p50, db.p50) },
          { metric: 'per-client delivery p99', value: da.p99, unit: 'ms', baseline: db.p99, ratio: ratio(da.p99, db.p99) },
        ],
        notes,
        details: { clients: CLIENTS, changes: CHANGES, app: { ...a, lost: results.app.lost, deliveries: da }, baseline: { ...b, lost: results.bare.lost, deliveries: db } },
      };
    } finally {
      destroyAll(clients);
      await bare.stop();
    }
  },
};
