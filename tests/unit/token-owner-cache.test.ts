import { describe, expect, it } from 'vitest';
import { TokenOwnerCache } from '@/lib/auth/token-owner-cache';

function cacheAt(ttlMs: number) {
  const clock = { now: 1_000 };
  return { clock, cache: new TokenOwnerCache<{ name: string }>(ttlMs, () => clock.now) };
}

describe('token owner cache', () => {
  it('keeps what was read for the TTL, then reads again', () => {
    const { clock, cache } = cacheAt(2_000);
    cache.set('hash-a', 'user-1', { name: 'Ada' }, cache.begin());
    expect(cache.get('hash-a')).toEqual({ name: 'Ada' });
    clock.now += 1_999;
    expect(cache.get('hash-a')).toEqual({ name: 'Ada' });
    clock.now += 1;
    expect(cache.get('hash-a')).toBeUndefined();
  });

  it("forgets every token of a changed user at once, and only theirs", () => {
    const { cache } = cacheAt(60_000);
    cache.set('hash-a', 'user-1', { name: 'Ada' }, cache.begin());
    cache.set('hash-b', 'user-1', { name: 'Ada' }, cache.begin());
    cache.set('hash-c', 'user-2', { name: 'Grace' }, cache.begin());
    cache.forgetUser('user-1');
    expect(cache.get('hash-a')).toBeUndefined();
    expect(cache.get('hash-b')).toBeUndefined();
    expect(cache.get('hash-c')).toEqual({ name: 'Grace' });
  });

  it('does not keep a row read before a change it did not see', () => {
    const { cache } = cacheAt(60_000);
    const generation = cache.begin(); // a lookup starts…
    cache.forgetUser('user-1'); // …the user is changed meanwhile…
    cache.set('hash-a', 'user-1', { name: 'Ada (before the change)' }, generation); // …and its answer arrives.
    expect(cache.get('hash-a')).toBeUndefined();
  });
});
