import { defineConfig } from 'prisma/config';

// Prisma 7 keeps the connection URL out of schema.prisma. `prisma generate` needs no database;
// migrations run through scripts/db-migrate.mjs (the WebAssembly schema engine), which reads
// DATABASE_URL itself.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/factcheck' },
});
