import { defineConfig } from '@playwright/test';

// End-to-end tests drive Debian's Chromium (Playwright cannot download browsers here) against the
// real app started by `npm start` on its own database; scripts/test-all.mjs prepares that
// database and the demo passwords (E2E_*_PASSWORD) before calling Playwright.
const port = Number(process.env.E2E_PORT ?? 3100);
const collabPort = Number(process.env.E2E_COLLAB_PORT ?? 3101);
export const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // On CI one retry absorbs a shared machine's hiccup; `npm test` names every test that needed it.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]] : [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    command: 'node scripts/start.mjs',
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      COLLAB_PORT: String(collabPort),
      COLLAB_PUBLIC_URL: `ws://localhost:${collabPort}`,
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? '',
      NEXTAUTH_URL: baseURL,
      SEED_ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD ?? '',
      SEED_EDITOR_PASSWORD: process.env.E2E_EDITOR_PASSWORD ?? '',
      SEED_REVIEWER_PASSWORD: process.env.E2E_REVIEWER_PASSWORD ?? '',
    },
  },
});
