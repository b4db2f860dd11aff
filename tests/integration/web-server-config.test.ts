import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

// A bad setting stops the web server at its start, named, instead of failing every request.
describe('web server settings', () => {
  it('refuses to start with an invalid PUBLISHER_URL, naming it', () => {
    const refused = spawnSync(process.execPath, ['--import', 'tsx', 'server/web-server.ts'], {
      env: { ...process.env, PUBLISHER_URL: 'ftp://factcheck.example', PORT: '0', NEXTAUTH_SECRET: 'x'.repeat(40) },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('web: not starting: PUBLISHER_URL: PUBLISHER_URL must be an http(s) URL');
  });
});
