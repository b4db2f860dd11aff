// npm test: typecheck, lint, unit and integration tests (vitest, real PostgreSQL), then end-to-end tests
// (Playwright, Debian's Chromium, the real app on a fresh database). The last line is the count.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/factcheck_test';
const resultsDir = path.join(root, 'test-results');
const counts = { passed: 0, failed: 0 };
const failures = [];

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } });
  return result.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

async function recreateDatabase(url) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
}

rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
if (!existsSync(path.join(root, 'lib', 'generated', 'prisma', 'client.ts'))) {
  run('prisma generate', process.execPath, [path.join(root, 'scripts', 'prisma-generate.mjs')]);
}

// 1. Types.
if (run('typecheck (tsc --noEmit)', bin('tsc'), ['--noEmit'])) counts.passed++;
else {
  counts.failed++;
  failures.push('typecheck');
}

// 2. Lint (ESLint, as npm run lint: a warning fails it too).
if (run('lint (eslint)', bin('eslint'), ['--max-warnings=0', '.'])) counts.passed++;
else {
  counts.failed++;
  failures.push('lint');
}

// 3. Unit and integration tests.
const vitestJson = path.join(resultsDir, 'vitest.json');
run('unit and integration tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`], {
  TEST_DATABASE_URL: testDatabaseUrl,
});
const vitest = readJson(vitestJson);
if (vitest) {
  counts.passed += vitest.numPassedTests;
  counts.failed += vitest.numFailedTests;
  for (const file of vitest.testResults ?? []) {
    for (const test of file.assertionResults ?? []) if (test.status === 'failed') failures.push(`vitest: ${test.fullName}`);
    if (file.status === 'failed' && !(file.assertionResults ?? []).length) {
      counts.failed++;
      failures.push(`vitest: ${path.relative(root, file.name)} did not run (${file.message?.split('\n')[0]})`);
    }
  }
} else {
  counts.failed++;
  failures.push('vitest produced no results');
}

// 4. End-to-end tests on a fresh database with fresh demo passwords.
const e2eUrl = new URL(testDatabaseUrl);
e2eUrl.pathname = `${e2eUrl.pathname}_e2e`;
await recreateDatabase(e2eUrl.toString());
const password = () => randomBytes(12).toString('base64url');
const e2eJson = path.join(resultsDir, 'e2e.json');
run('end-to-end tests (Playwright, Chromium)', bin('playwright'), ['test'], {
  E2E_DATABASE_URL: e2eUrl.toString(),
  E2E_ADMIN_PASSWORD: password(),
  E2E_EDITOR_PASSWORD: password(),
  E2E_REVIEWER_PASSWORD: password(),
  TEST_DATABASE_URL: testDatabaseUrl,
});
const e2e = readJson(e2eJson);
const flaky = [];
if (e2e?.stats) {
  counts.passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
  counts.failed += e2e.stats.unexpected;
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      if (!spec.ok) failures.push(`e2e: ${spec.file} › ${spec.title}`);
      else if ((spec.tests ?? []).some((t) => t.status === 'flaky')) flaky.push(`e2e: ${spec.file} › ${spec.title}`);
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of e2e.suites ?? []) walk(suite);
  if (e2e.errors?.length) {
    counts.failed += e2e.errors.length;
    failures.push(...e2e.errors.map((error) => `e2e: ${String(error.message).split('\n')[0]}`));
  }
} else {
  counts.failed++;
  failures.push('Playwright produced no results');
}

console.log('\n=== summary ===');
// A test that failed once and passed on its retry (CI only) counts as passed but is named here.
for (const name of flaky) console.log(`FLAKY   ${name} (failed, then passed on its retry)`);
for (const failure of failures) console.log(`FAILED  ${failure}`);
console.log(`${counts.passed} passed, ${counts.failed} failed`);
process.exit(counts.failed ? 1 : 0);
