import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { readFile } from 'node:fs/promises';
import { recreateDatabase, siblingDatabaseUrl, testDatabaseUrl } from '../support/test-database';
import { runMigrations } from '../support/migrate';
import { spawnSync } from 'node:child_process';

const migratedUrl = siblingDatabaseUrl(testDatabaseUrl(), 'factcheck_test_migrations');
const fromSchemaUrl = siblingDatabaseUrl(testDatabaseUrl(), 'factcheck_test_schema');

// The structure of a database, as text that two databases can be compared by.
async function describeSchema(url: string): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query(sql)).rows.map((row) => Object.values(row).join(' | '));
    return {
      columns: await q(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
                        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
                        ORDER BY table_name, column_name`),
      indexes: await q(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY indexname`),
      constraints: await q(`SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
                            WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations' ORDER BY 1, 2`),
      enums: await q(`SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_type t
                      JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY 1`),
    };
  } finally {
    await client.end();
  }
}

describe('migrations', () => {
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: siblingDatabaseUrl(testDatabaseUrl(), 'postgres') });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS factcheck_test_migrations WITH (FORCE)');
    await admin.query('DROP DATABASE IF EXISTS factcheck_test_schema WITH (FORCE)');
    await admin.end();
  });

  it('apply to an empty database, record themselves, and a second run applies nothing', async () => {
    await recreateDatabase(migratedUrl);
    expect(runMigrations(migratedUrl)).toMatch(/applied \d{14}_init/);
    expect(runMigrations(migratedUrl)).toContain('nothing to apply');
    const client = new pg.Client({ connectionString: migratedUrl });
    await client.connect();
    const { rows } = await client.query('SELECT migration_name, finished_at FROM _prisma_migrations');
    await client.end();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.finished_at !== null)).toBe(true);
  });

  it('produce exactly the schema in schema.prisma (no drift)', async () => {
    // Build a second database straight from schema.prisma (the engine's diff from empty) and
    // compare both structurally.
    await recreateDatabase(fromSchemaUrl);
    const script = `
      import { diffSchemas, schemaPath } from './scripts/migrator.mjs';
      import { readFile } from 'node:fs/promises';
      process.stdout.write(await diffSchemas(null, await readFile(schemaPath, 'utf8')));`;
    const diff = spawnSync(process.execPath, ['--experimental-wasm-modules', '--no-warnings', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: fromSchemaUrl },
    });
    expect(diff.status, diff.stderr).toBe(0);
    const client = new pg.Client({ connectionString: fromSchemaUrl });
    await client.connect();
    await client.query(diff.stdout);
    await client.end();

    const [fromMigrations, fromSchema] = await Promise.all([describeSchema(migratedUrl), describeSchema(fromSchemaUrl)]);
    expect(fromMigrations.columns.length).toBeGreaterThan(50);
    expect(fromMigrations).toEqual(fromSchema);
  });

  it('keep the schema each migration was made from beside it', async () => {
    const schema = await readFile('prisma/schema.prisma', 'utf8');
    const { readdirSync } = await import('node:fs');
    const last = readdirSync('prisma/migrations').filter((name) => /^\d{14}_/.test(name)).sort().at(-1)!;
    expect(await readFile(`prisma/migrations/${last}/schema.prisma`, 'utf8')).toBe(schema);
  });
});
