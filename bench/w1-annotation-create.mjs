// Workload 1: annotations created through the REST API (POST /api/articles/:id/annotations) by
// 16 concurrent clients sharing one editor's API token, against the same rows written with plain
// `pg` (annotation + 2 sources + event, one transaction each) at the same concurrency.
import http from 'node:http';
import os from 'node:os';
import pg from 'pg';
import { openInspector } from './inspector.mjs';
import { cpuMs, describeRange, newId, postgresCpuMs, prng, ratio, runPool, selfTimes, summarize } from './lib.mjs';

const CONCURRENCY = 16;
const WARMUP = 300;
const REQUESTS = Number(process.env.BENCH_CREATE_REQUESTS ?? 3000);
/** Past this, the measured phase stops issuing requests (and says so). */
const PHASE_CAP_MS = 90_000;
// BENCH_PROFILE_SERVER=1: a CPU profile of the web server during the app phase, summarised in the
// log (where its time goes per create). The profiler costs CPU itself: those runs' figures are not
// comparable with the others.
const PROFILE_SERVER = process.env.BENCH_PROFILE_SERVER === '1';

const VERDICTS = ['true', 'mostly-true', 'half-true', 'mostly-false', 'false', 'misleading', 'unverifiable', 'opinion'];
const PUBLISHERS = ['Reuters', 'Associated Press', 'Eurostat', 'Office for National Statistics', 'Kyiv Independent', 'TASS', 'BBC Monitoring'];
const RATIONALES = [
  'The figure matches the official release, but the article omits that it was revised two weeks later.',
  'Two independent transcripts confirm the quote; the context around it changes its meaning somewhat.',
  'No primary source supports this claim; the statistic appears to originate in an unsourced social media post.',
  'The agency published the number, but it covers a different period than the one the article describes.',
  'Partly accurate: the comparison leaves out inflation, which accounts for most of the reported growth.',
];

/**
 * A POST of a JSON body on one of the agent's kept-alive sockets; resolves with the status once the
 * response has been read. Node's own HTTP client: `fetch` (undici) cost the bench about 0.65 ms of
 * CPU per request here, CPU taken from the server and PostgreSQL on the same two cores.
 */
function postJson(agent, url, headers, body, timeoutMs) {
  return new Promise((resolve) => {
    const payload = Buffer.from(body);
    const request = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-type': 'application/json', 'content-length': payload.length }, timeout: timeoutMs }, (response) => {
      response.on('data', () => {});
      response.on('end', () => resolve(response.statusCode));
      response.on('error', () => resolve('network error'));
    });
    request.on('timeout', () => request.destroy(Object.assign(new Error('timeout'), { name: 'TimeoutError' })));
    request.on('error', (error) => resolve(error.name === 'TimeoutError' ? 'timeout' : 'network error'));
    request.end(payload);
  });
}

/** Requests as a reviewer's client would send them: a passage of the article, a verdict, a rationale and two sources. */
export function buildBodies(text, count, seed) {
  const random = prng(seed);
  const words = [...text.matchAll(/[^\s]+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const bodies = [];
  for (let i = 0; i < count; i++) {
    const first = random.int(0, words.length - 13);
    const last = first + random.int(1, 12);
    const start = words[first].start;
    let end = words[last].end;
    const newline = text.indexOf('\n', start);
    if (newline >= 0 && newline < end) end = newline;
    const publisher = random.pick(PUBLISHERS);
    bodies.push({
      start,
      end,
      exact: text.slice(start, end),
      verdict: random.pick(VERDICTS),
      rationale: `${random.pick(RATIONALES)} ${random.pick(RATIONALES)}`,
      sources: [
        {
          url: `https://example.org/${publisher.toLowerCase().replace(/\W+/g, '-')}/report-${random.int(1000, 99999)}`,
          title: `${publisher} report on the figures`,
          publisher,
          excerpt: 'The official figures for the period show a different trend from the one described, according to the statistical annex.',
          accessedAt: '2025-12-04',
        },
        {
          url: `https://archive.example.net/record/${random.int(100000, 999999)}`,
          title: 'Archived statement',
          publisher: 'Web archive',
          excerpt: 'Statement as published at the time, before later edits.',
          accessedAt: '2025-12-05',
        },
      ],
      submit: true,
    });
  }
  return bodies;
}

export default {
  id: 'create',
  title: 'Annotation create (REST API)',
  async run(ctx) {
    const { articleId, text } = await ctx.createArticle({ slug: 'bench-create', title: 'Bench: annotation create', text: ctx.seedArticle.text });
    const url = `${ctx.baseUrl}/api/articles/${articleId}/annotations`;
    const bodies = buildBodies(text, WARMUP + REQUESTS, 1);
    const runId = Date.now().toString(36);

    // --- the app ---
    const statuses = new Map();
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const post = async (i, latencies) => {
      const started = performance.now();
      const status = await postJson(agent, url, { authorization: `Bearer ${ctx.apiToken}`, 'idempotency-key': `bench-${runId}-${i}` }, JSON.stringify(bodies[i]), 30_000);
      if (latencies) {
        latencies.push(performance.now() - started);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    };
    ctx.log(`create: warm-up, ${WARMUP} requests`);
    await runPool(WARMUP, CONCURRENCY, (i) => post(i, null));
    ctx.log(`create: ${REQUESTS} requests, ${CONCURRENCY} concurrent`);
    const appLatencies = [];
    // Where the time goes: CPU used by the web server (Next.js behind server/web-server.ts) and the bench itself during the phase.
    const nextPid = ctx.app.nextPid();
    const inspector = PROFILE_SERVER ? await openInspector(nextPid, ctx.logFile) : null;
    if (inspector) {
      await inspector.call('Profiler.enable');
      await inspector.call('Profiler.setSamplingInterval', { interval: 100 });
      await inspector.call('Profiler.start');
    }
    const cpuBefore = { next: cpuMs(nextPid), bench: process.cpuUsage(), postgres: postgresCpuMs() };
    let started = performance.now();
    const appDone = await runPool(REQUESTS, CONCURRENCY, (i) => post(WARMUP + i, appLatencies), Date.now() + PHASE_CAP_MS);
    const appSeconds = (performance.now() - started) / 1000;
    const nextCpuMs = cpuMs(nextPid) - cpuBefore.next;
    const benchCpu = process.cpuUsage(cpuBefore.bench);
    const appPostgresCpuMs = postgresCpuMs() - cpuBefore.postgres;
    agent.destroy();
    if (inspector) {
      const { profile } = await inspector.call('Profiler.stop');
      await inspector.close();
      const { busy, byFile, byFunction } = selfTimes(profile);
      ctx.log(`create: web server profile, ${(busy / appDone).toFixed(3)} ms busy per request; by file, then by function (self time per request):`);
      for (const [key, ms] of [...byFile.slice(0, 15), ...byFunction.slice(0, 40)]) ctx.log(`  ${(ms / appDone).toFixed(4)} ms  ${key}`);
    }
    const created = statuses.get(201) ?? 0;
    const app = {
      ...summarize(appLatencies),
      throughput: created / appSeconds,
      seconds: appSeconds,
      statuses: Object.fromEntries(statuses),
      nextServerCpuMsPerRequest: nextCpuMs / appDone,
      nextServerCpuShareOfOneCore: nextCpuMs / (appSeconds * 1000),
      benchCpuMsPerRequest: (benchCpu.user + benchCpu.system) / 1000 / appDone,
      postgresCpuMsPerRequest: appPostgresCpuMs / appDone,
    };

    // --- the baseline: the same rows with plain pg ---
    const users = ctx.users;
    const verdictIds = new Map((await ctx.pg.query('SELECT key, id FROM "Verdict"')).rows.map((r) => [r.key, r.id]));
    const pool = new pg.Pool({ connectionString: ctx.databaseUrl, max: CONCURRENCY });
    const insert = async (i, latencies) => {
      const body = bodies[i % bodies.length];
      const anchor = describeRange(text, body.start, body.end);
      const id = newId('c');
      const t0 = performance.now();
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(
          `INSERT INTO "Annotation" (id, "articleId", "authorId", "verdictId", rationale, status, "statusChangedById", "statusChangedAt",
             "quoteExact", "quotePrefix", "quoteSuffix", "positionStart", "positionEnd", "idempotencyKey", "updatedAt")
           VALUES ($1, $2, $3, $4, $5, 'SUBMITTED', $3, now(), $6, $7, $8, $9, $10, $11, now())`,
          [id, articleId, users.editor.id, verdictIds.get(body.verdict), body.rationale, anchor.exact, anchor.prefix, anchor.suffix, body.start, body.end, `pg-${runId}-${i}`],
        );
        const [a, b] = body.sources;
        await client.query(
          `INSERT INTO "Source" (id, "annotationId", position, url, title, publisher, excerpt, "accessedAt")
           VALUES ($1, $3, 0, $4, $5, $6, $7, $8), ($2, $3, 1, $9, $10, $11, $12, $13)`,
          [newId('s'), newId('s'), id, a.url, a.title, a.publisher, a.excerpt, a.accessedAt, b.url, b.title, b.publisher, b.excerpt, b.accessedAt],
        );
        await client.query(`INSERT INTO "AnnotationEvent" (id, "annotationId", "actorId", kind, data) VALUES ($1, $2, $3, 'created', $4)`, [
          newId('e'),
          id,
          users.editor.id,
          JSON.stringify({ status: 'SUBMITTED', verdict: body.verdict, rationale: body.rationale, sources: body.sources.map((s) => s.url) }),
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
      latencies?.push(performance.now() - t0);
    };
    let base;
    try {
      ctx.log('create: baseline (plain pg), warm-up');
      await runPool(WARMUP, CONCURRENCY, (i) => insert(i, null));
      ctx.log(`create: baseline, ${REQUESTS} transactions`);
      const pgLatencies = [];
      const postgresBefore = postgresCpuMs();
      const benchBefore = process.cpuUsage();
      started = performance.now();
      const pgDone = await runPool(REQUESTS, CONCURRENCY, (i) => insert(WARMUP + i, pgLatencies), Date.now() + PHASE_CAP_MS);
      const pgSeconds = (performance.now() - started) / 1000;
      const benchCpu = process.cpuUsage(benchBefore);
      base = {
        ...summarize(pgLatencies),
        throughput: pgDone / pgSeconds,
        seconds: pgSeconds,
        postgresCpuMsPerRequest: (postgresCpuMs() - postgresBefore) / pgDone,
        benchCpuMsPerRequest: (benchCpu.user + benchCpu.system) / 1000 / pgDone,
      };
    } finally {
      await pool.end();
    }

    const notes = [`the web server (Next.js behind server/web-server.ts) used ${Math.round(app.nextServerCpuShareOfOneCore * 100)}% of one core during the app phase (the machine has ${os.cpus().length})`];
    if (appDone < REQUESTS) notes.push(`app phase stopped after ${PHASE_CAP_MS / 1000} s: ${appDone} of ${REQUESTS} requests`);
    const failed = appDone - created;
    if (failed) notes.push(`${failed} requests did not answer 201: ${JSON.stringify(app.statuses)}`);
    const throughputRatio = ratio(app.throughput, base.throughput);
    return {
      rows: [
        { metric: 'throughput (201/s)', value: app.throughput, unit: '/s', baseline: base.throughput, ratio: throughputRatio, goal: '>= 1,000/s', met: app.throughput >= 1000 },
        { metric: 'throughput ratio app/pg', value: throughputRatio, unit: 'x', goal: '>= 0.25', met: throughputRatio !== null && throughputRatio >= 0.25 },
        { metric: 'latency p50', value: app.p50, unit: 'ms', baseline: base.p50, ratio: ratio(app.p50, base.p50) },
        { metric: 'latency p99', value: app.p99, unit: 'ms', baseline: base.p99, ratio: ratio(app.p99, base.p99), goal: '< 50 ms', met: app.p99 !== null && app.p99 < 50 },
        { metric: 'web server CPU per request', value: app.nextServerCpuMsPerRequest, unit: 'ms' },
        { metric: 'PostgreSQL CPU per request', value: app.postgresCpuMsPerRequest, unit: 'ms', baseline: base.postgresCpuMsPerRequest, ratio: ratio(app.postgresCpuMsPerRequest, base.postgresCpuMsPerRequest) },
        { metric: 'bench (load generator) CPU per request', value: app.benchCpuMsPerRequest, unit: 'ms', baseline: base.benchCpuMsPerRequest, ratio: ratio(app.benchCpuMsPerRequest, base.benchCpuMsPerRequest) },
      ],
      notes,
      details: { concurrency: CONCURRENCY, warmup: WARMUP, requests: REQUESTS, app, baseline: base },
    };
  },
};
