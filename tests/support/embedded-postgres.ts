// The embedded PostgreSQL (scripts/embedded-postgres.mjs: PGlite on the wire protocol) in a child
// process of the test, on a free port, killed when the test file ends.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import pg from 'pg';

const children: ChildProcess[] = [];

export function killEmbedded(): void {
  for (const child of children) child.kill('SIGKILL');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startEmbedded(dataDir: string, port: number): Promise<ChildProcess> {
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

export const embeddedUrl = (port: number) => `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;

export async function query(port: number, sql: string) {
  const client = new pg.Client({ connectionString: embeddedUrl(port) });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}
