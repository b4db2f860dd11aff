import { describe, expect, it } from 'vitest';
import { openSocketSessionEnded, sessionEnded } from '@/lib/auth/session-ended';

// A password change at 12:00:00.700; sessions are stamped in whole seconds.
const changedAt = new Date('2026-01-01T12:00:00.700Z');
const second = Math.floor(changedAt.getTime() / 1000);

describe('sessions ended by a password change', () => {
  it('ends sessions signed in before the change, not those signed in since (or in its second)', () => {
    expect(sessionEnded(null, 0)).toBe(false);
    expect(sessionEnded(changedAt, second - 1)).toBe(true);
    expect(sessionEnded(changedAt, 0)).toBe(true);
    expect(sessionEnded(changedAt, second)).toBe(false);
    expect(sessionEnded(changedAt, second + 60)).toBe(false);
  });

  it("keeps an open socket of the session that made the change, told apart by the session's id", () => {
    const user = { sessionsValidFrom: changedAt, keptSessionId: 'kept' };
    expect(openSocketSessionEnded(user, { id: 'kept', signedInAt: second - 600 })).toBe(false);
    expect(openSocketSessionEnded(user, { id: 'other', signedInAt: second - 600 })).toBe(true);
    expect(openSocketSessionEnded(user, { id: 'other', signedInAt: second + 1 })).toBe(false);
    // A session without an id is never the kept one, even when no session was kept.
    expect(openSocketSessionEnded(user, { id: null, signedInAt: second - 600 })).toBe(true);
    expect(openSocketSessionEnded({ sessionsValidFrom: changedAt, keptSessionId: null }, { id: null, signedInAt: second - 600 })).toBe(true);
    expect(openSocketSessionEnded({ sessionsValidFrom: null, keptSessionId: null }, { id: null, signedInAt: 0 })).toBe(false);
  });
});
