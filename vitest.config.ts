import { defineConfig } from 'vitest/config';
import path from 'node:path';

const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/factcheck_test';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      'server-only': path.resolve(import.meta.dirname, 'tests/support/empty-module.ts'),
    },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    // Integration tests share one database; files run one after another.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: {
      DATABASE_URL: testDatabaseUrl,
      TEST_DATABASE_URL: testDatabaseUrl,
      NEXTAUTH_SECRET: 'test-secret-for-vitest-only-0123456789abcdef',
      COLLAB_TOKEN_SECRET: 'test-collab-secret-for-vitest-only-0123456789',
    },
    server: { deps: { inline: [/lib\/generated/] } },
  },
});
