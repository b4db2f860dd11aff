// The test database: TEST_DATABASE_URL, by default factcheck_test on the local PostgreSQL server.
// Created and migrated when missing. Used by vitest's global setup and by the e2e setup.
import pg from 'pg';

export const defaultTestDatabaseUrl = 'postgresql://postgres@127.0.0.1:5432/factcheck_test';

export function testDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? defaultTestDatabaseUrl;
}

/** A URL for another database on the same server as `url`. */
export function siblingDatabaseUrl(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: siblingDatabaseUrl(url, 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createDatabaseIfMissing(url: string): Promise<void> {
  const name = databaseName(url);
  await withAdmin(url, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  });
}

export async function recreateDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  await withAdmin(url, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  });
}
