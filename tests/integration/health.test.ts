import { describe, expect, it } from 'vitest';

describe('GET /api/health', () => {
  it('answers 200 with the database up', async () => {
    const { GET } = await import('@/app/api/health/route');
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, db: 'up' });
  });

  it('answers 503 naming the database when it is down', async () => {
    const { checkHealth } = await import('@/lib/health/check-health');
    const { createPrismaClient } = await import('@/lib/prisma-client');
    // A server that is not there: nothing listens on port 9.
    const stopped = createPrismaClient('postgresql://postgres@127.0.0.1:9/none', 1);
    const health = await checkHealth(stopped);
    expect(health).toMatchObject({ ok: false, db: 'down' });
    expect(health.error).toMatch(/database/);
    const { healthResponse } = await import('@/app/api/health/route');
    expect(healthResponse(health).status).toBe(503);
  });
});
