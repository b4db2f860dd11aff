import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadOrCreateSecrets } from '../../scripts/dev-secrets.mjs';
import { freePort, killEmbedded, query, startEmbedded } from '../support/embedded-postgres';

afterAll(killEmbedded);

describe('after an unclean stop', () => {
  it('the embedded PostgreSQL starts again after SIGKILL and keeps committed data', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pglite-'));
    const port = await freePort();
    const first = await startEmbedded(dataDir, port);
    await query(port, 'CREATE TABLE kept (value text)');
    await query(port, "INSERT INTO kept VALUES ('committed before the crash')");
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));

    await startEmbedded(dataDir, port);
    expect(await query(port, 'SELECT value FROM kept')).toEqual([{ value: 'committed before the crash' }]);
  }, 180_000);

  it('a half-written secrets file is replaced, valid secrets in it are kept, and nothing half-written is left', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'secrets-'));
    writeFileSync(path.join(dataDir, 'secrets.json'), '{"AUTH_SECRET": "abc');
    const env: Record<string, string> = {};
    expect(loadOrCreateSecrets(dataDir, env)).toEqual(['AUTH_SECRET', 'COLLAB_TOKEN_SECRET']);
    expect(env.AUTH_SECRET!.length).toBeGreaterThanOrEqual(32);
    const stored = JSON.parse(readFileSync(path.join(dataDir, 'secrets.json'), 'utf8'));
    expect(stored).toEqual({ AUTH_SECRET: env.AUTH_SECRET, COLLAB_TOKEN_SECRET: env.COLLAB_TOKEN_SECRET });

    // A later start reuses them (sessions survive restarts), and the environment wins over the file.
    const again: Record<string, string> = { COLLAB_TOKEN_SECRET: 'from-the-environment-0123456789abcdef0123' };
    loadOrCreateSecrets(dataDir, again);
    expect(again.AUTH_SECRET).toBe(env.AUTH_SECRET);
    expect(again.COLLAB_TOKEN_SECRET).toBe('from-the-environment-0123456789abcdef0123');
  });
});

describe('secrets in production', () => {
  it('refuses to start without AUTH_SECRET and COLLAB_TOKEN_SECRET, naming them', () => {
    const env = { ...process.env, NODE_ENV: 'production', FACTCHECK_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'prod-')) } as NodeJS.ProcessEnv;
    delete env.AUTH_SECRET;
    delete env.NEXTAUTH_SECRET;
    delete env.COLLAB_TOKEN_SECRET;
    const result = spawnSync(process.execPath, ['scripts/start.mjs'], { env, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('AUTH_SECRET, COLLAB_TOKEN_SECRET not set: refusing to start');
  });
});
