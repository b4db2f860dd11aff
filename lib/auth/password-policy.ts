import { commonBaseWords, commonPasswords } from '@/lib/auth/common-passwords';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export interface PasswordOwner {
  email: string;
  name: string;
}

const leet: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '+': 't' };

/**
 * Why this password may not be used, or null when it may. Refuses passwords shorter than 12
 * characters, common ones, common words dressed up with digits, symbols or leetspeak
 * ("P@ssw0rd-2024!"), short repeated patterns and sequences, and the owner's own name or e-mail.
 */
export function passwordProblem(password: string, owner: PasswordOwner): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower)) return 'is one of the most common passwords; choose another';
  if (isSimplePattern(lower)) return 'is a repeated pattern or a sequence; choose something less predictable';

  const cores = new Set([lettersOf(lower), lettersOf(unLeet(trimNonLetters(lower)))]);
  for (const core of cores) {
    if (personalWords(owner).some((word) => repeats(core, word))) return 'must not be your name or e-mail address';
    if (core.length > 0 && [...commonBaseWords].some((word) => repeats(core, word))) {
      return 'is a common word with digits or symbols added; choose something less predictable';
    }
    if (core.length >= 4 && commonPasswords.has(core)) return 'is a common password with digits or symbols added; choose another';
  }
  const letters = lettersOf(lower);
  const local = lettersOf(owner.email.split('@')[0]!.toLowerCase());
  const fullName = lettersOf(owner.name.toLowerCase());
  if ((local.length >= 4 && letters.includes(local)) || (fullName.length >= 4 && letters.includes(fullName))) {
    return 'must not contain your name or e-mail address';
  }
  return null;
}

function lettersOf(value: string): string {
  return value.replace(/[^\p{L}]/gu, '');
}

function trimNonLetters(value: string): string {
  return value.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
}

function unLeet(value: string): string {
  return [...value].map((c) => leet[c] ?? c).join('');
}

function personalWords(owner: PasswordOwner): string[] {
  const local = owner.email.split('@')[0]!.toLowerCase();
  const parts = [local, ...local.split(/[^\p{L}]+/u), owner.name.toLowerCase(), ...owner.name.toLowerCase().split(/\s+/)];
  return [...new Set(parts.map(lettersOf).filter((word) => word.length >= 3))];
}

/** True when `value` is `word` once or several times over ("passwordpassword"). */
function repeats(value: string, word: string): boolean {
  if (!word || value.length === 0 || value.length % word.length !== 0) return false;
  return word.repeat(value.length / word.length) === value;
}

/** "aaaaaaaaaaaa", "abcabcabcabc", "123412341234", "abcdefghijkl", "890123456789", "987654321098". */
function isSimplePattern(value: string): boolean {
  for (let size = 1; size <= Math.min(4, value.length / 2); size++) {
    if (repeats(value, value.slice(0, size))) return true;
  }
  const codes = [...value].map((c) => c.codePointAt(0)!);
  const steps = codes.slice(1).map((code, i) => code - codes[i]!);
  // Digit runs may wrap around (…7890123…).
  const normalized = /^\d+$/.test(value) ? steps.map((step) => (step + 10) % 10).map((step) => (step === 9 ? -1 : step)) : steps;
  return normalized.every((step) => step === 1) || normalized.every((step) => step === -1);
}
