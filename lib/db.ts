import { createPrismaClient, type PrismaClient } from '@/lib/prisma-client';
import { env } from '@/lib/env';

// The app's one Prisma client, cached on globalThis so development reloads do not open new pools.
const globalForDb = globalThis as unknown as { prisma?: PrismaClient };

export const db: PrismaClient = (globalForDb.prisma ??= createPrismaClient(env().DATABASE_URL, env().DATABASE_POOL_MAX));
