import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';

const required = { DATABASE_URL: 'postgresql://localhost/x', NEXTAUTH_SECRET: 'x'.repeat(32) };

describe('settings', () => {
  it('takes the ClaimReview publisher from PUBLISHER_NAME and PUBLISHER_URL, an empty one as unset', () => {
    expect(parseEnv({ ...required, PUBLISHER_NAME: ' Vellmar Fact Check ', PUBLISHER_URL: 'https://factcheck.vellmar.example' })).toMatchObject({
      PUBLISHER_NAME: 'Vellmar Fact Check',
      PUBLISHER_URL: 'https://factcheck.vellmar.example',
    });
    const unset = parseEnv({ ...required, PUBLISHER_NAME: '', PUBLISHER_URL: '' });
    expect(unset.PUBLISHER_NAME).toBeUndefined();
    expect(unset.PUBLISHER_URL).toBeUndefined();
  });

  it('names a bad setting', () => {
    expect(() => parseEnv({ ...required, PUBLISHER_URL: 'javascript:alert(1)' })).toThrow(/PUBLISHER_URL must be an http\(s\) URL/);
    expect(() => parseEnv({ DATABASE_URL: 'postgresql://localhost/x', AUTH_SECRET: 'short' })).toThrow(/NEXTAUTH_SECRET \(or AUTH_SECRET\) must be at least 32 characters/);
  });
});
