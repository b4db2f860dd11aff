import { describe, expect, it } from 'vitest';
import { commonBaseWords, commonPasswords } from '@/lib/auth/common-passwords';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '@/lib/auth/password-policy';

const owner = { email: 'jane.doe@newsroom.example', name: 'Jane Doe' };

describe('password policy', () => {
  it('ships a real list of common passwords and the base words', () => {
    expect(commonPasswords.size).toBeGreaterThanOrEqual(2000);
    for (const p of ['123456', 'password', 'qwerty', 'iloveyou', 'trustno1', 'password1234', 'qwertyuiop123']) expect(commonPasswords.has(p)).toBe(true);
    for (const word of ['password', 'qwerty', 'letmein', 'factcheck']) expect(commonBaseWords.has(word)).toBe(true);
    expect([...commonPasswords].every((p) => p === p.toLowerCase() && p.length > 0 && !/\s/.test(p))).toBe(true);
  });

  it.each([
    ['short1!', /at least 12/],
    ['x'.repeat(257), /at most 256/],
    ['Password1234', /most common/],
    ['correct horse battery staple', /common password/],
    ['1q2w3e4r5t6y', /most common/],
    ['P@ssw0rd-2024!', /common word/],
    ['Qwerty!!2024##', /common word/],
    ['LETMEIN-LETMEIN', /common word/],
    ['factcheck-desk-1', /common word|most common/],
    ['Monkey_1234567', /common word|common password/],
    ['Dragon$$$$2024', /common word|common password/],
    ['b@seb@ll-1999!', /common word|common password/],
    ['zzzzzzzzzzzz', /repeated pattern/],
    ['abcdabcdabcd', /repeated pattern/],
    ['456789012345', /sequence/],
    ['zyxwvutsrqpo', /sequence/],
    ['Jane.Doe.2025!', /name or e-mail/],
    ['doe-doe-doe-42', /name or e-mail/],
    ['my-jane.doe-key-99', /name or e-mail/],
  ])('refuses %j', (password, reason) => {
    expect(passwordProblem(password, owner)).toMatch(reason);
  });

  it.each(['quiet kettle under nine moons', 'Lantern-orbit-7f3a9c', 'vQ8#mT2!xL9$', 'Nine tall ferns, 1887', '839201746352', 'Café-Müller-Straße-7'])(
    'accepts %j',
    (password) => {
      expect(password.length).toBeGreaterThanOrEqual(MIN_PASSWORD_LENGTH);
      expect(passwordProblem(password, owner)).toBeNull();
    },
  );
});
