// Workload 5: memory per connected collaborator. One client opens the seed article's document
// (so the document itself is not counted), then 100 idle clients join; the collaboration server's
// RSS growth divided by 100, median of three rounds. Baseline: the same clients on Hocuspocus
// with no extensions. Before each sample the server runs full garbage collections (through the
// inspector for the app's server, --expose-gc for the bare one), so that the figure is memory the
// clients retain; the JS heap + external growth is reported beside RSS.
import * as Y from 'yjs';
import { median, ratio, rssKb, sleep, steadyRssKb } from './lib.mjs';
import { articleDocumentName, connectClient, connectMany, destroyAll, startBareServer } from './collab.mjs';
import { openInspector } from './inspector.mjs';

const CLIENTS = 100;
const SETTLE_MS = 5000;
const CYCLES = 3;

async function growth({ url, pid, documentName, tokenFor, seedState, log, label, gc }) {
  if (!pid || rssKb(pid) === null) throw new Error(`${label}: cannot read the server's memory (pid ${pid})`);
  const clients = [];
  try {
    const anchor = connectClient(url, documentName, await tokenFor(0));
    clients.push(anchor);
    const start = Date.now();
    while (!anchor.synced) {
      if (anchor.failures.length) throw new Error(`${label}: refused (${anchor.failures.join(', ')})`);
      if (Date.now() - start > 60_000) throw new Error(`${label}: the first client did not sync`);
      await sleep(20);
    }
    if (seedState) Y.applyUpdate(anchor.doc, seedState);
    await sleep(SETTLE_MS);
    // Every sample follows two full collections. RSS still moves by tens of MB with what the
    // process did last (outside the V8 heap: allocator arenas, compiled code), more than 100
    // clients add: so the clients join and leave three times, and the figure is the median.
    const sample = async () => {
      let memory = null;
      if (gc) {
        await gc();
        await sleep(1000);
        memory = await gc();
      }
      await sleep(1500);
      return { rssKb: await steadyRssKb(pid), heapKb: memory ? (memory.heapUsed + memory.external) / 1024 : null };
    };
    const cycles = [];
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const before = await sample();
      const joined = await connectMany(CLIENTS, async (i) => connectClient(url, documentName, await tokenFor(i + 1)));
      await sleep(SETTLE_MS);
      const after = await sample();
      destroyAll(joined);
      cycles.push({
        beforeKb: before.rssKb,
        afterKb: after.rssKb,
        perClientKb: (after.rssKb - before.rssKb) / CLIENTS,
        heapPerClientKb: before.heapKb === null ? null : (after.heapKb - before.heapKb) / CLIENTS,
      });
      log(`memory: ${label}: RSS ${Math.round(before.rssKb / 1024)} MB -> ${Math.round(after.rssKb / 1024)} MB with ${CLIENTS} more clients`);
      await sleep(SETTLE_MS);
    }
    const middle = (key) => median(cycles.map((c) => c[key]));
    return {
      perClientKb: middle('perClientKb'),
      heapPerClientKb: gc ? middle('heapPerClientKb') : null,
      afterKb: middle('afterKb'),
      cycles,
    };
  } finally {
    destroyAll(clients);
  }
}

export default {
  id: 'memory',
  title: 'Memory per collaborator (100 idle)',
  async run(ctx) {
    const documentName = articleDocumentName(ctx.seedArticle.id);
    const roster = [ctx.users.editor, ctx.users.reviewer, ctx.users.admin];
    const tokens = new Map();
    const tokenFor = async (i) => {
      const user = roster[i % roster.length];
      if (!tokens.has(user.id)) tokens.set(user.id, await ctx.collabToken(user));
      return tokens.get(user.id);
    };
    const pid = ctx.app.collabPid();
    const notes = [];
    let inspector = null;
    try {
      inspector = await openInspector(pid, ctx.logFile);
    } catch (error) {
      notes.push(`no forced GC in the app's collab server (${error.message}): its figure includes uncollected garbage`);
    }
    let app;
    try {
      app = await growth({
        url: ctx.collabUrl,
        pid,
        documentName,
        tokenFor,
        log: ctx.log,
        label: 'app collab server',
        gc: inspector ? async () => (await inspector.gc(), inspector.memoryUsage()) : null,
      });
    } finally {
      await inspector?.close();
    }

    // The same document content on the bare server (it has no persistence to load it from).
    const probe = connectClient(ctx.collabUrl, documentName, await tokenFor(0));
    let seedState;
    try {
      const start = Date.now();
      while (!probe.synced && Date.now() - start < 60_000) await sleep(20);
      seedState = Y.encodeStateAsUpdate(probe.doc);
    } finally {
      probe.destroy();
    }
    const bare = await startBareServer();
    let base;
    try {
      base = await growth({ url: bare.url, pid: bare.pid, documentName, tokenFor: async () => 'bare', seedState, log: ctx.log, label: 'bare Hocuspocus', gc: () => bare.gc() });
    } finally {
      await bare.stop();
    }
    return {
      rows: [
        {
          metric: 'RSS growth per client',
          value: app.perClientKb,
          unit: 'KB',
          baseline: base.perClientKb,
          // A bare server's growth can be within the allocator's noise (even below zero): no ratio then.
          ratio: base.perClientKb > 1 ? ratio(app.perClientKb, base.perClientKb) : null,
          goal: '< 200 KB',
          met: app.perClientKb < 200,
        },
        { metric: 'JS heap + external per client', value: app.heapPerClientKb, unit: 'KB', baseline: base.heapPerClientKb, ratio: ratio(app.heapPerClientKb, base.heapPerClientKb) },
        { metric: 'server RSS with 101 clients', value: app.afterKb, unit: 'KB', baseline: base.afterKb, ratio: ratio(app.afterKb, base.afterKb) },
      ],
      notes: [
        ...notes,
        `RSS growth per client: ${app.cycles.map((c) => Math.round(c.perClientKb)).join(', ')} KB in the three rounds (bare: ${base.cycles.map((c) => Math.round(c.perClientKb)).join(', ')}); RSS moves by tens of MB outside the V8 heap, so JS heap + external is the steadier figure`,
      ],
      details: { clients: CLIENTS, app, baseline: base },
    };
  },
};
