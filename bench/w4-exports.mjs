// Workload 4: every export format of the large article (2,000 annotations): time, and the Next
// server's peak RSS during the request minus its RSS just before. Baseline: the same export of
// the seed article. Each format is exported once untimed first (its renderer is loaded lazily),
// and the server runs a full GC before each request (through its inspector, as in workload 5),
// so that "before" is what it retains and the peak is what the export adds.
import { cpuMs, fmtMs, ratio, rssKb, sleep, startRssSampler, steadyRssKb } from './lib.mjs';
import { openInspector } from './inspector.mjs';

// PDF last: if it runs past the timeout, the server keeps rendering it after we stop waiting.
const FORMATS = ['html', 'md', 'csv', 'jsonld', 'claimreview', 'docx', 'pdf'];
const TIMEOUT_MS = Number(process.env.BENCH_EXPORT_TIMEOUT_MS ?? 300_000);

/** Asks GET /api/health every 250 ms until stopped: how long other requests wait meanwhile. */
function startProbe(baseUrl) {
  let stopped = false;
  let worst = 0;
  const loop = (async () => {
    while (!stopped) {
      const started = performance.now();
      try {
        const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
        await response.arrayBuffer();
      } catch {
        // Counted by its time like any other answer.
      }
      worst = Math.max(worst, performance.now() - started);
      if (!stopped) await sleep(250);
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return worst;
    },
  };
}

async function exportOnce(ctx, pid, articleId, format, inspector) {
  if (inspector) {
    await inspector.gc();
    await sleep(300);
  }
  const before = await steadyRssKb(pid, 3, 100);
  const sampler = startRssSampler(pid, 20);
  const probe = inspector ? startProbe(ctx.baseUrl) : null;
  const started = performance.now();
  const cpuBefore = cpuMs(pid);
  let status;
  let bytes = 0;
  let error = null;
  try {
    const response = await fetch(`${ctx.baseUrl}/api/articles/${articleId}/export?format=${format}`, {
      headers: { authorization: `Bearer ${ctx.apiToken}` },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    bytes = (await response.arrayBuffer()).byteLength;
    status = response.status;
    if (!response.ok) error = `HTTP ${status}`;
  } catch (e) {
    error = e.name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : e.message;
  }
  const ms = performance.now() - started;
  const cpuAfter = cpuMs(pid);
  const serverCpuMs = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
  const { peakKb } = sampler.stop();
  const healthMaxMs = probe ? await probe.stop() : null;
  return { ms, serverCpuMs, bytes, status, error, beforeKb: before, peakKb, deltaKb: peakKb - before, healthMaxMs };
}

export default {
  id: 'exports',
  title: 'Exports of the large article',
  async run(ctx) {
    const big = await ctx.bigArticle();
    const pid = ctx.app.nextPid();
    if (!pid || rssKb(pid) === null) throw new Error(`cannot find the Next server process (pid ${pid})`);
    const rows = [];
    const notes = [];
    const details = {};
    let inspector = null;
    try {
      inspector = await openInspector(pid, ctx.logFile);
    } catch (error) {
      notes.push(`no forced GC in the Next server (${error.message}): "before" may include uncollected garbage`);
    }
    try {
      for (const format of FORMATS) {
        ctx.log(`exports: ${format}`);
        await exportOnce(ctx, pid, ctx.seedArticle.id, format, null);
        const base = await exportOnce(ctx, pid, ctx.seedArticle.id, format, inspector);
        const heavy = await exportOnce(ctx, pid, big.id, format, inspector);
        details[format] = { big: heavy, seed: base };
        if (heavy.error) notes.push(`${format}: ${heavy.error}`);
        if (base.error) notes.push(`${format} (seed article): ${base.error}`);
        ctx.log(`exports: ${format}: ${fmtMs(heavy.ms)}, +${Math.round(heavy.deltaKb / 1024)} MB (seed article ${fmtMs(base.ms)})`);
        const timeMet = !heavy.error && heavy.ms < 5000;
        rows.push(
          { metric: `${format} time`, value: heavy.error ? null : heavy.ms, display: heavy.error ? `failed: ${heavy.error}` : undefined, unit: 'ms', baseline: base.error ? null : base.ms, ratio: heavy.error || base.error ? null : ratio(heavy.ms, base.ms), goal: '< 5 s', met: timeMet },
          { metric: `${format} peak memory`, value: heavy.deltaKb, unit: 'KB', baseline: base.deltaKb, ratio: ratio(heavy.deltaKb, base.deltaKb), goal: '< 500 MB', met: heavy.deltaKb < 500 * 1024 },
          { metric: `${format} server CPU`, value: heavy.serverCpuMs, unit: 'ms', baseline: base.serverCpuMs, ratio: ratio(heavy.serverCpuMs, base.serverCpuMs) },
        );
        if (format === 'pdf' || format === 'docx') {
          rows.push({ metric: `${format}: other requests wait`, value: heavy.healthMaxMs, unit: 'ms', baseline: base.healthMaxMs, ratio: ratio(heavy.healthMaxMs, base.healthMaxMs) });
        }
      }
    } finally {
      await inspector?.close();
    }
    notes.push('"other requests wait" = the slowest GET /api/health, asked every 250 ms during the export');
    notes.push('server CPU = user + system CPU time of the next-server process (all its threads, export worker included) during the request: unlike the time, barely affected by what else the machine runs');
    notes.push('peak memory = highest RSS of the next-server process sampled every 20 ms during the request, minus its RSS just before (after a full GC)');
    return { rows, notes, details: { formats: details, annotations: big.annotations } };
  },
};
