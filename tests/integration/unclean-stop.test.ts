import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadOrCreateSecrets } from '../../scripts/dev-secrets.mjs';

const children: ChildProcess[] = [];
afterAll(() => children.forEach((child) => child.kill('SIGKILL')));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function startEmbedded(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['scripts/embedded-postgres.mjs'], {
    env: { ...process.env, PGLITE_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`embedded PostgreSQL did not start: ${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('serving')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited ${code}: ${output}`)));
  });
  return child;
}

async function query(port: number, sql: string) {
  const client = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable` });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

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
