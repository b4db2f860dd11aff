// npm run db:migrate             apply pending migrations to DATABASE_URL
// npm run db:migration -- NAME   write prisma/migrations/<timestamp>_NAME/migration.sql from the diff
//                                between the schema of the last migration and prisma/schema.prisma
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deploy, diffSchemas, migrationsDir, schemaPath } from './migrator.mjs';

const [command, name] = process.argv.slice(2);

if (command === 'deploy') {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('db:migrate: DATABASE_URL is not set');
    process.exit(1);
  }
  const applied = await deploy(url);
  console.log(applied.length ? `db:migrate: applied ${applied.join(', ')}` : 'db:migrate: nothing to apply');
} else if (command === 'create') {
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error('usage: npm run db:migration -- name_in_snake_case');
    process.exit(1);
  }
  // The schema each migration was made from is kept beside it, so the next one is a pure diff.
  const { listMigrations } = await import('./migrator.mjs');
  const { migrationDirectories } = await listMigrations();
  const last = migrationDirectories.at(-1);
  const previous = last ? await readFile(path.join(migrationsDir, last.path, 'schema.prisma'), 'utf8') : null;
  const current = await readFile(schemaPath, 'utf8');
  const sql = await diffSchemas(previous, current);
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log('db:migration: schema.prisma has no changes since the last migration');
    process.exit(0);
  }
  const stamp = new Date().toISOString().replace(/[-:TZ.]/g, '').slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'migration.sql'), sql);
  await writeFile(path.join(dir, 'schema.prisma'), current);
  await writeFile(path.join(migrationsDir, 'migration_lock.toml'), 'provider = "postgresql"\n');
  console.log(`db:migration: wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
} else {
  console.error('usage: db-migrate.mjs deploy | create NAME');
  process.exit(1);
}
