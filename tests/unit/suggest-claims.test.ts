import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { suggestClaims } from '@/lib/claims/suggest-claims';

const seed = readFileSync('prisma/seed-data/article.txt', 'utf8');

describe('claim suggestions', () => {
  it('ranks the seed article’s sentences with figures, quotations and reported speech first, each with its reason', () => {
    const suggestions = suggestClaims(seed);
    expect(suggestions.length).toBeGreaterThanOrEqual(5);
    // Offsets point at the sentence in the stored text (UTF-16, curly quotes included).
    for (const s of suggestions) expect(seed.slice(s.start, s.end)).toBe(s.text);
    const [first, second, third] = suggestions;
    expect(first!.text).toMatch(/^While acknowledging a “normal negotiation process”.*four documents related to the proposal\.$/);
    expect(first!.reason).toBe('A figure (“four documents”); a direct quotation');
    expect(second!.text).toMatch(/^Describing the meeting as a process/);
    expect(second!.reason).toMatch(/reported speech \(“suggested”\); a direct quotation/i);
    expect(third!.text).toMatch(/^Kremlin Spokesman Dmitry Peskov has stated/);
    expect(third!.reason).toMatch(/“has stated”/);
    // Best first.
    expect(suggestions.map((s) => s.score)).toEqual([...suggestions.map((s) => s.score)].sort((a, b) => b - a));
  });

  it('does not take nouns for reported speech, and leaves out sentences with nothing to check', () => {
    const text = 'The United States claims adjustments were small.\nThe territory claims remain.\nThe sky was grey.\nThe minister said exports rose 12 percent, the highest in a decade.\n';
    const suggestions = suggestClaims(text);
    expect(suggestions.map((s) => s.text)).not.toContain('The sky was grey.');
    expect(suggestions.map((s) => s.text)).not.toContain('The territory claims remain.');
    expect(suggestions[0]).toMatchObject({ text: 'The minister said exports rose 12 percent, the highest in a decade.' });
    expect(suggestions[0]!.reason).toMatch(/a figure .*12 percent/i);
    expect(suggestions[0]!.reason).toMatch(/reported speech \(“said”\)/);
    expect(suggestions[0]!.reason).toMatch(/superlative \(“highest”\)/);
  });

  it('copes with an empty or one-word text', () => {
    expect(suggestClaims('')).toEqual([]);
    expect(suggestClaims('Hello')).toEqual([]);
  });
});
