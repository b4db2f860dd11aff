// The real app under test: a fresh database, `node scripts/start.mjs` (migrations, seed, build if
// the sources changed, `next start` and the collaboration server) in its own process group, and
// the processes inside it whose memory the workloads sample.
import { spawn } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { deepestMatching, sleep } from './lib.mjs';

/** Where the bench and the page profiler run, from BENCH_PORT, BENCH_COLLAB_PORT and BENCH_DATABASE_URL. */
export function benchSettings() {
  const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  const port = Number(process.env.BENCH_PORT ?? 3300);
  return {
    root,
    resultsDir: path.join(root, 'bench', 'results'),
    stamp: new Date().toISOString().replace(/[:.]/g, '-'),
    port,
    collabPort: Number(process.env.BENCH_COLLAB_PORT ?? 3301),
    databaseUrl: process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/factcheck_bench',
    baseUrl: `http://localhost:${port}`,
  };
}

export async function recreateDatabase(url) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^factcheck_bench[a-z0-9_]*$/.test(name)) throw new Error(`refusing to recreate ${name}: bench databases are named factcheck_bench*`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

// Not copied into the snapshot: dependencies (linked instead), builds, data, and what is neither
// source nor configuration. Without its own package-lock.json the copy sits inside this project's
// workspace root, so Turbopack compiles it and resolves packages from the real node_modules.
const NOT_COPIED = new Set(['node_modules', '.next', '.git', '.data', 'test-results', 'playwright-report', 'bench', '.ci', 'tests', 'e2e', 'docs', 'package-lock.json']);
// Kept in the snapshot from one run to the next.
const KEPT = new Set(['.next', 'node_modules', '.data']);

/**
 * A private copy of the working tree to run the app from (bench/results/app-snapshot, git-ignored
 * and outside the typecheck). Others edit and build in this tree while the bench runs, and
 * `next build` empties .next/ before writing a new one: a server running from the shared .next/
 * loses its scripts mid-run, and a second build waits for the first's lock. The copy holds the
 * sources as they were when the bench started (timestamps preserved, so start.mjs rebuilds only
 * when they changed since the copy's last build) and its own .next/.
 */
export function snapshotTree(root, target) {
  mkdirSync(target, { recursive: true });
  for (const entry of readdirSync(target)) {
    if (!KEPT.has(entry)) rmSync(path.join(target, entry), { recursive: true, force: true });
  }
  for (const entry of readdirSync(root)) {
    if (NOT_COPIED.has(entry)) continue;
    cpSync(path.join(root, entry), path.join(target, entry), { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
  }
  if (!existsSync(path.join(target, 'node_modules'))) symlinkSync(path.join(root, 'node_modules'), path.join(target, 'node_modules'), 'dir');
  // start.mjs would compare the build with package-lock.json, which the copy does not have.
  const buildId = path.join(target, '.next', 'BUILD_ID');
  if (existsSync(buildId) && statSync(buildId).mtimeMs < statSync(path.join(root, 'package-lock.json')).mtimeMs) {
    rmSync(path.join(target, '.next'), { recursive: true, force: true });
  }
  return existsSync(buildId) ? 'has a build (start.mjs rebuilds if sources changed)' : 'no build yet (start.mjs builds)';
}

/**
 * Starts the app as `npm start` does, detached into its own process group (so that stopping it
 * ends Next, the collaboration server and anything they started), with output to `logFile`.
 */
export function startApp({ root, env, logFile }) {
  const fd = openSync(logFile, 'a');
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', fd, fd],
    detached: true,
  });
  closeSync(fd);
  const state = { exited: false, code: null };
  child.on('exit', (code, signal) => Object.assign(state, { exited: true, code: signal ?? code }));
  return {
    pid: child.pid,
    state,
    /** The web server process: Next.js behind server/web-server.ts (its title is `factcheck-web`). */
    nextPid: () => deepestMatching(child.pid, /factcheck-web|web-server\.ts|next-server|next start/),
    /** The process running server/collab-server.ts (tsx runs it in a child node process). */
    collabPid: () => deepestMatching(child.pid, /collab-server\.ts/),
    async stop() {
      if (state.exited) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      const deadline = Date.now() + 20_000;
      while (!state.exited && Date.now() < deadline) await sleep(200);
      // Whatever is left of the group (the collab server stores documents before it exits).
      await sleep(500);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    },
  };
}

/** Waits until GET /api/health answers 200 (a build on this machine takes minutes). */
export async function waitForHealth(baseUrl, app, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (app.state.exited) throw new Error(`the app exited (${app.state.code}) before it was healthy`);
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5000) });
      last = `HTTP ${response.status}`;
      await response.arrayBuffer();
      if (response.ok) return;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await sleep(500);
  }
  throw new Error(`the app was not healthy within ${Math.round(timeoutMs / 1000)} s (last: ${last})`);
}

export async function waitForCollab(collabHttpUrl, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${collabHttpUrl}/health`, { signal: AbortSignal.timeout(3000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(300);
  }
  throw new Error(`the collaboration server did not answer /health within ${Math.round(timeoutMs / 1000)} s`);
}
