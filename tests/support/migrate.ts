import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

/** Runs the project's own migration command (`npm run db:migrate`) against `url`; returns its output. */
export function runMigrations(url: string): string {
  const result = spawnSync(process.execPath, ['--experimental-wasm-modules', '--no-warnings', 'scripts/db-migrate.mjs', 'deploy'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`db:migrate failed: ${result.stderr || result.stdout}`);
  return result.stdout;
}
