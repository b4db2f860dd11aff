// The embedded PostgreSQL used when DATABASE_URL is not set: PGlite (PostgreSQL compiled to
// WebAssembly) with its data under .data/pglite, served on the Postgres wire protocol so that
// Prisma, the migrations and postgres.js talk to it like to any server, LISTEN/NOTIFY included
// (scripts/pglite-notify-relay.mjs).
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { relayNotifications } from './pglite-notify-relay.mjs';

const dataDir = process.env.PGLITE_DATA_DIR ?? path.join(process.cwd(), '.data', 'pglite');
const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
await mkdir(dataDir, { recursive: true });

const db = await PGlite.create(dataDir);
const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 32 });
relayNotifications(server);
await server.start();
console.log(`embedded-postgres: PGlite serving ${dataDir} on 127.0.0.1:${port}`);

async function stop() {
  await server.stop().catch(() => {});
  await db.close().catch(() => {});
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
