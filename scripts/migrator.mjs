// Prisma migrations without Prisma's native schema engine (it cannot be downloaded here): the
// WebAssembly schema engine from @prisma/schema-engine-wasm, talking to PostgreSQL through the
// pg driver adapter. Applied migrations are recorded in Prisma's own `_prisma_migrations` table,
// so `prisma migrate deploy` stays compatible wherever the native engine exists.
// Node needs --experimental-wasm-modules to import the engine.
import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SchemaEngine } from '@prisma/schema-engine-wasm';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const schemaPath = path.join(root, 'prisma', 'schema.prisma');
export const migrationsDir = path.join(root, 'prisma', 'migrations');
const noFilter = { externalTables: [], externalEnums: [] };

export async function openEngine(connectionString) {
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString }));
  const datamodel = await readFile(schemaPath, 'utf8');
  return SchemaEngine.new({ datamodels: [[schemaPath, datamodel]] }, () => {}, adapter);
}

export async function listMigrations() {
  const dirs = existsSync(migrationsDir)
    ? (await readdir(migrationsDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? await readFile(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      dirs.map(async (name) => ({
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: { tag: 'ok', value: await readFile(path.join(migrationsDir, name, 'migration.sql'), 'utf8') },
        },
      })),
    ),
  };
}

/** Applies pending migrations; returns the names of those applied now. */
export async function deploy(connectionString) {
  const engine = await openEngine(connectionString);
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList: await listMigrations(), filters: noFilter });
    return appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/** SQL that turns a database built from `fromSchema` (null: empty) into one built from `toSchema`. */
export async function diffSchemas(fromSchema, toSchema) {
  const engine = await openEngine(process.env.DATABASE_URL ?? 'postgresql://127.0.0.1:5432/postgres');
  try {
    const target = (content) => ({ tag: 'schemaDatamodel', files: [{ path: schemaPath, content }] });
    const result = await engine.diff({
      from: fromSchema === null ? { tag: 'empty' } : target(fromSchema),
      to: target(toSchema),
      script: true,
      exitCode: null,
      filters: noFilter,
    });
    return result.stdout ?? '';
  } finally {
    engine.free();
  }
}
