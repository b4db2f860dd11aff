// Profiles workload 3 (the article page with 2,000 annotations) in Chromium: where the main thread
// spends each long task while the page loads, goes live and settles. Not a benchmark (the CPU
// profiler slows the page down); it tells what to fix, and `npm run bench -- --only=page` tells
// by how much it got better.
//
//   node bench/profile-page.mjs [--runs=2] [--reviewer] [--repeat] [--serve | --attach | --server]
//
// It starts the app as the bench does (a fresh database, the tree copied to
// bench/results/app-snapshot, a build when the sources changed), makes the same article, loads it
// once to warm up and then `runs` times under the CDP tracer and CPU profiler. It prints, per long
// task (> 50 ms), what ran in it (timeline events and the heaviest JS functions by self time), and
// writes the trace of the last run to bench/results/<time>-page.trace.json (open it in the
// DevTools Performance panel). --serve instead leaves the app running with that article (and a
// signed-in session in bench/results/profile-serve.json) until interrupted, and --attach profiles
// that running app instead of starting one; --server profiles the Next server rendering the page
// instead of the browser. Environment as for the bench: BENCH_DATABASE_URL, BENCH_PORT,
// BENCH_COLLAB_PORT.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import pg from 'pg';
import { benchSettings, recreateDatabase, snapshotTree, startApp, waitForCollab, waitForHealth } from './app.mjs';
import { generateArticleText, insertAnnotations } from './big-article.mjs';
import { openInspector } from './inspector.mjs';
import { cpuSamples, login, newId, selfTimes, sleep } from './lib.mjs';

const { root, resultsDir, stamp, port, collabPort, databaseUrl, baseUrl } = benchSettings();
const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 2);
const asReviewer = process.argv.includes('--reviewer');
const serve = process.argv.includes('--serve');
const attach = process.argv.includes('--attach');
const profileServer = process.argv.includes('--server');
const repeat = process.argv.includes('--repeat');
const LONG_MS = 50;

const log = (message) => console.log(`[profile] ${message}`);

const sessionFile = path.join(resultsDir, 'profile-serve.json');

async function main() {
  mkdirSync(resultsDir, { recursive: true });
  if (attach) return profile(JSON.parse(readFileSync(sessionFile, 'utf8')));
  const secrets = { AUTH_SECRET: randomBytes(32).toString('base64url'), COLLAB_TOKEN_SECRET: randomBytes(32).toString('base64url') };
  const passwords = { admin: `p-${randomBytes(9).toString('base64url')}`, editor: `p-${randomBytes(9).toString('base64url')}`, reviewer: `p-${randomBytes(9).toString('base64url')}` };
  await recreateDatabase(databaseUrl);
  const appRoot = path.join(resultsDir, 'app-snapshot');
  log(`snapshot: ${snapshotTree(root, appRoot)}`);
  const logFile = path.join(resultsDir, `${stamp}-profile-app.log`);
  const app = startApp({
    root: appRoot,
    logFile,
    env: {
      PORT: String(port),
      COLLAB_PORT: String(collabPort),
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: baseUrl,
      COLLAB_PUBLIC_URL: `ws://localhost:${collabPort}`,
      ...secrets,
      SEED_ADMIN_PASSWORD: passwords.admin,
      SEED_EDITOR_PASSWORD: passwords.editor,
      SEED_REVIEWER_PASSWORD: passwords.reviewer,
      // --server opens the Next server's inspector (SIGUSR1, a free port) for a CPU profile.
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --inspect-port=127.0.0.1:0`.trim(),
    },
  });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    await waitForHealth(baseUrl, app, 20 * 60_000);
    await waitForCollab(`http://127.0.0.1:${collabPort}`, 60_000);
    const users = {};
    for (const row of (await pool.query('SELECT id, email, role FROM "User"')).rows) users[row.role.toLowerCase()] = { ...row, password: passwords[row.role.toLowerCase()] };
    const { text, paragraphs } = generateArticleText(20_000);
    const articleId = newId('art');
    await pool.query(`INSERT INTO "Article" (id, slug, title, outlet, text, "updatedAt", "blindReview") VALUES ($1, 'profile-big', 'Profile: 2,000 annotations', 'Bench Wire', $2, now(), $3)`, [
      articleId,
      text,
      asReviewer,
    ]);
    const annotations = await insertAnnotations(pool, { articleId, text, count: 2_000, authors: [users.editor, users.reviewer, users.admin] });
    const who = asReviewer ? users.reviewer : users.editor;
    const { cookies } = await login(baseUrl, who.email, who.password);
    const session = { url: `${baseUrl}/articles/${articleId}`, baseUrl, cookies, badges: annotations };
    log(`${session.url} (${annotations} annotations, ${paragraphs} paragraphs) as ${who.role}`);
    if (profileServer) {
      // The same text without annotations, for comparison.
      const plainId = newId('art');
      await pool.query(`INSERT INTO "Article" (id, slug, title, outlet, text, "updatedAt") VALUES ($1, 'profile-plain', 'Profile: no annotations', 'Bench Wire', $2, now())`, [plainId, text]);
      await profileServerRender({ ...session, url: `${baseUrl}/articles/${plainId}` }, app.nextPid(), logFile);
      return await profileServerRender(session, app.nextPid(), logFile);
    }
    if (!serve) return await profile(session);
    // Leaves the app running with this article for experiments (and --attach), until interrupted.
    writeFileSync(sessionFile, JSON.stringify(session));
    log(`serving until interrupted (session in ${path.relative(root, sessionFile)})`);
    await new Promise((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
  } finally {
    await pool.end().catch(() => {});
    await app.stop();
  }
}

async function profile({ url, cookies, badges }) {
  const args = ['--no-sandbox', '--disable-gpu', '--no-first-run'];
  const viewport = { width: 1366, height: 900 };
  // --repeat: one browser profile on disk, warmed by two loads, so that scripts come from the HTTP
  // cache and V8's code cache, as on a reviewer's repeat visit (bench workload 3's "repeat" rows).
  const profileDir = repeat ? mkdtempSync(path.join(tmpdir(), 'profile-chromium-')) : null;
  const browser = profileDir ? await chromium.launchPersistentContext(profileDir, { executablePath: '/usr/bin/chromium', args, viewport }) : await chromium.launch({ executablePath: '/usr/bin/chromium', args });
  const withContext = async (use) => {
    if (profileDir) return use(browser);
    const context = await browser.newContext({ viewport });
    try {
      return await use(context);
    } finally {
      await context.close();
    }
  };
  try {
    if (profileDir) await browser.addCookies(cookies.map(({ name, value }) => ({ name, value, url: baseUrl })));
    const warmups = profileDir ? 2 : 1;
    for (let i = 1 - warmups; i <= runs; i++) {
      const profiled = i > 0;
      const result = await withContext((context) => load(context, cookies, url, badges, profiled));
      if (!profiled) continue;
      log(`run ${i}: badges ${result.badges}, painted at ${Math.round(result.painted)} ms, settled at ${Math.round(result.settled)} ms`);
      report(result.trace, result.profile);
      if (i === runs) {
        const file = path.join(resultsDir, `${stamp}-page.trace.json`);
        writeFileSync(file, JSON.stringify({ traceEvents: result.trace }));
        log(`trace: ${path.relative(root, file)}`);
      }
    }
  } finally {
    await browser.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  }
}

/** A CPU profile of the Next server while it answers GET /articles/:id ten times: where its time goes. */
async function profileServerRender({ url, cookies }, pid, logFile) {
  const cookie = cookies.map(({ name, value }) => `${name}=${value}`).join('; ');
  const get = async () => {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    await response.arrayBuffer();
    return performance.now() - started;
  };
  await get();
  const inspector = await openInspector(pid, logFile);
  try {
    await inspector.call('Profiler.enable');
    await inspector.call('Profiler.setSamplingInterval', { interval: 200 });
    await inspector.call('Profiler.start');
    const times = [];
    for (let i = 0; i < 10; i++) times.push(await get());
    const { profile } = await inspector.call('Profiler.stop');
    log(`GET ${url}: ${times.map((t) => Math.round(t)).join(', ')} ms`);
    const { busy, byFile, byFunction } = selfTimes(profile);
    log(`busy ${Math.round(busy)} ms over ${times.length} requests (${Math.round(busy / times.length)} ms each)`);
    for (const [file, ms] of byFile.slice(0, 12)) console.log(`${ms.toFixed(0).padStart(6)} ms  ${file}`);
    for (const [key, ms] of byFunction.slice(0, 25)) console.log(`${ms.toFixed(0).padStart(6)} ms  ${key}`);
  } finally {
    await inspector.close();
  }
}

async function load(context, cookies, url, badges, profiled) {
  await context.addCookies(cookies.map(({ name, value }) => ({ name, value, url: baseUrl })));
  const page = await context.newPage();
  try {
    page.on('pageerror', (error) => log(`page error: ${error.message}`));
    await page.addInitScript((expected) => {
      const bench = (window.__bench = { painted: null, lastMutation: 0 });
      const check = () => {
        const root = document.querySelector('.ProseMirror');
        if (root && bench.painted === null && root.querySelectorAll('.fc-hl-badge').length === expected) return void requestAnimationFrame(() => (bench.painted = performance.now()));
        requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
      new MutationObserver(() => (bench.lastMutation = performance.now())).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    }, badges);
    const cdp = await context.newCDPSession(page);
    const events = [];
    if (profiled) {
      cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
      await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing', transferMode: 'ReportEvents' });
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench?.painted > 0, null, { timeout: 120_000, polling: 100 });
    await page.waitForFunction(() => document.querySelector('.connection-live') && performance.now() - window.__bench.lastMutation > 1500, null, { timeout: 120_000, polling: 250 });
    const state = await page.evaluate(() => ({ painted: window.__bench.painted, settled: window.__bench.lastMutation, badges: document.querySelectorAll('.ProseMirror .fc-hl-badge').length }));
    if (!profiled) return state;
    const { profile } = await cdp.send('Profiler.stop');
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await done;
    await sleep(100);
    return { ...state, trace: events, profile };
  } finally {
    await page.close();
  }
}

/** Long tasks of the renderer's main thread, each with its timeline events and hottest JS. */
function report(trace, profile) {
  const main = trace.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && trace.some((t) => t.pid === e.pid && t.name === 'ParseHTML'));
  if (!main) return log('no renderer main thread in the trace');
  const onMain = trace.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && typeof e.dur === 'number');
  const navigation = trace.find((e) => e.pid === main.pid && e.name === 'navigationStart')?.ts ?? onMain[0]?.ts ?? 0;
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur / 1000 > LONG_MS).sort((a, b) => a.ts - b.ts);
  const samples = cpuSamples(profile);
  const interesting = new Set(['ParseHTML', 'EvaluateScript', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'Layout', 'UpdateLayoutTree', 'Paint', 'PrePaint', 'Layerize', 'v8.compile', 'v8.compileModule', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'BlinkGC.AtomicPhase', 'RunMicrotasks', 'HitTest', 'ScheduleStyleRecalculation', 'ParseAuthorStyleSheet', 'XHRReadyStateChange']);
  let total = 0;
  for (const task of tasks) {
    const start = task.ts;
    const end = task.ts + task.dur;
    total += task.dur / 1000;
    const inside = onMain.filter((e) => e !== task && e.ts >= start && e.ts + e.dur <= end && interesting.has(e.name));
    const byName = new Map();
    for (const e of inside) byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
    const js = new Map();
    for (const s of samples) {
      if (s.ts < start || s.ts > end) continue;
      js.set(s.key, (js.get(s.key) ?? 0) + s.ms);
    }
    const top = [...js.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
    console.log(`\n  task at ${Math.round((start - navigation) / 1000)} ms: ${Math.round(task.dur / 1000)} ms`);
    console.log(`    events (may nest): ${[...byName.entries()].sort((a, b) => b[1] - a[1]).map(([n, ms]) => `${n} ${Math.round(ms)}`).join(', ')}`);
    for (const [key, ms] of top) console.log(`    ${ms.toFixed(0).padStart(5)} ms  ${key}`);
  }
  console.log(`\n  ${tasks.length} tasks > ${LONG_MS} ms, ${Math.round(total)} ms in all; longest ${Math.round(Math.max(0, ...tasks.map((t) => t.dur / 1000)))} ms`);
}

/** The CPU profile as samples on the trace's clock (µs), each with its leaf function's self time. */
main().then(
  () => process.exit(0),
  (error) => {
    console.error(`profile: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
