import { describe, expect, it } from 'vitest';
import { formatCount } from '@/lib/format';

describe('formatCount', () => {
  it('uses the singular for exactly one', () => {
    expect(formatCount(1, 'verdict')).toBe('1 verdict');
  });
  it('uses the plural for none and for more than one', () => {
    expect(formatCount(0, 'verdict')).toBe('0 verdicts');
    expect(formatCount(2, 'verdict')).toBe('2 verdicts');
    expect(formatCount(1200, 'verdict')).toBe('1,200 verdicts');
  });
  it('takes an irregular plural', () => {
    expect(formatCount(3, 'person', 'people')).toBe('3 people');
    expect(formatCount(1, 'person', 'people')).toBe('1 person');
  });
});
