import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';

export type { PrismaClient };

/** A Prisma client over the pg driver adapter (no native engine needed). */
export function createPrismaClient(connectionString: string, poolMax = 10): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: poolMax }),
    // Under a burst, transactions queue for a pooled connection; wait for one rather than fail.
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
}
