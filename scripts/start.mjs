// npm start: everything a fresh clone needs, in order. Secrets, database (DATABASE_URL or the
// embedded PGlite), migrations, seed, a production build when sources changed, then Next.js
// (and the collaboration server beside it, when present).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadOrCreateSecrets, SECRET_KEYS } from './dev-secrets.mjs';
import { addCompileHints } from './compile-hints.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dataDir = process.env.FACTCHECK_DATA_DIR ?? path.join(root, '.data');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const port = Number(process.env.PORT ?? 3000);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PORT: String(port) };
const children = [];

function log(message) {
  console.log(`[start] ${message}`);
}

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: 'inherit' });
  if (result.status !== 0) {
    log(`${path.basename(command)} ${args.join(' ')} failed (exit ${result.status})`);
    shutdown(1);
  }
}

function startChild(name, command, args, extraEnv = {}) {
  const child = spawn(command, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      log(`${name} exited (${signal ?? code}); stopping`);
      shutdown(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
function shutdown(code) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 300).unref();
  if (!children.length) process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

function waitForPort(portNumber, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect(portNumber, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing listens on port ${portNumber}`));
        else setTimeout(attempt, 200);
      });
    };
    attempt();
  });
}

// 1. Secrets: from the environment; outside production generated once and kept in .data/.
function loadSecrets() {
  const missing = SECRET_KEYS.filter((key) => !env[key] && !(key === 'AUTH_SECRET' && env.NEXTAUTH_SECRET));
  if (!missing.length) return;
  if (process.env.NODE_ENV === 'production') {
    console.error(`[start] NODE_ENV=production and ${missing.join(', ')} not set: refusing to start.`);
    process.exit(1);
  }
  loadOrCreateSecrets(dataDir, env);
  log(`using development secrets from ${path.relative(root, path.join(dataDir, 'secrets.json'))}`);
}

// 5. A build is needed when there is none or a source file is newer than it. Directories count too:
// deleting or renaming a file changes its directory's time, not any file's.
function newestSourceTime() {
  let newest = 0;
  const walk = (dir) => {
    newest = Math.max(newest, statSync(dir).mtimeMs);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'generated' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of ['app', 'components', 'lib']) if (existsSync(path.join(root, dir))) walk(path.join(root, dir));
  for (const file of ['next.config.js', 'proxy.ts', 'package-lock.json', 'prisma/schema.prisma']) {
    if (existsSync(path.join(root, file))) newest = Math.max(newest, statSync(path.join(root, file)).mtimeMs);
  }
  return newest;
}

loadSecrets();
env.NEXTAUTH_SECRET ??= env.AUTH_SECRET;
env.NEXTAUTH_URL ??= `http://localhost:${port}`;

if (!env.DATABASE_URL) {
  const pgPort = Number(env.EMBEDDED_PG_PORT ?? 54329);
  env.PGLITE_DATA_DIR ??= path.join(dataDir, 'pglite');
  log(`DATABASE_URL not set: starting the embedded PostgreSQL (PGlite, data in ${path.relative(root, env.PGLITE_DATA_DIR)})`);
  startChild('embedded PostgreSQL', process.execPath, [path.join(root, 'scripts', 'embedded-postgres.mjs')]);
  await waitForPort(pgPort, 60_000);
  env.DATABASE_URL = `postgresql://postgres@127.0.0.1:${pgPort}/postgres?sslmode=disable`;
  env.DATABASE_POOL_MAX ??= '4';
}

if (!existsSync(path.join(root, 'lib', 'generated', 'prisma', 'client.ts'))) run(process.execPath, [path.join(root, 'scripts', 'prisma-generate.mjs')]);
run(process.execPath, ['--experimental-wasm-modules', '--no-warnings', path.join(root, 'scripts', 'db-migrate.mjs'), 'deploy']);
run(bin('tsx'), [path.join(root, 'prisma', 'seed.ts')]);

const buildId = path.join(root, '.next', 'BUILD_ID');
if (!existsSync(buildId) || statSync(buildId).mtimeMs < newestSourceTime()) {
  log('building the app (next build)…');
  run(bin('next'), ['build']);
}
// V8 compile hints on the build's browser scripts (scripts/compile-hints.mjs), also for a build
// made by `next build` alone; already hinted scripts are left as they are.
try {
  const hinted = addCompileHints(root);
  if (hinted) log(`compile hints added to ${hinted} browser scripts`);
} catch (error) {
  // A read-only deployment of a build made without them: the app runs, only repeat visits are slower.
  log(`compile hints not added (${error instanceof Error ? error.message : error}); the app runs without them`);
}

if (existsSync(path.join(root, 'server', 'collab-server.ts'))) {
  // node --import tsx (not the tsx wrapper): signals reach the server process itself.
  startChild('collaboration server', process.execPath, ['--import', 'tsx', path.join(root, 'server', 'collab-server.ts')]);
}
// Next.js in production mode behind server/web-server.ts (its custom-server API), which answers
// API clients' annotation creates directly; run like the collaboration server.
startChild('web server', process.execPath, ['--import', 'tsx', path.join(root, 'server', 'web-server.ts')], { NODE_ENV: 'production' });
await waitForPort(port, 60_000);
log(`Factcheck desk is ready at http://localhost:${port}`);
