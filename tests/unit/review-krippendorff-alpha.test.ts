import { describe, expect, it } from 'vitest';
import { krippendorffAlphaNominal, type ReliabilityUnit } from '@/lib/review/krippendorff-alpha';

// Reliability data as in the literature: one row per coder, one column per unit; transposed here
// into units. `null` is a missing value.
function units(rows: (string | number | null)[][]): ReliabilityUnit[] {
  return rows[0]!.map((_, unit) => rows.map((row) => (row[unit] === null || row[unit] === undefined ? null : String(row[unit]))));
}

describe("Krippendorff's alpha, nominal", () => {
  it('gives .095 for two observers, binary data, no missing values (Krippendorff 2011, example A)', () => {
    const data = units([
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ]);
    const result = krippendorffAlphaNominal(data);
    // α = 1 − (n − 1)·o₀₁ / (n₀·n₁) = 1 − 19·4 / (14·6)
    expect(result.alpha).toBeCloseTo(1 - (19 * 4) / (14 * 6), 12);
    expect(result.alpha).toBeCloseTo(0.095, 3);
    expect(result).toMatchObject({ pairableUnits: 10, pairableValues: 20 });
  });

  it('gives .743 for four observers, nominal data with missing values (Krippendorff 2011, example C; Wikipedia)', () => {
    const data = units([
      [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
      [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ]);
    const result = krippendorffAlphaNominal(data);
    // Unit 12 has a single value and is not pairable: 11 units, 40 values.
    expect(result).toMatchObject({ pairableUnits: 11, pairableValues: 40 });
    expect(result.alpha).toBeCloseTo(0.743, 3);
    // Exactly, from the coincidence matrix (diagonal 7, 10, 8, 4, 3; marginals 9, 13, 10, 5, 3):
    // 1 − (n − 1)(n − Σo_cc) / (n² − Σn_c²) = 1 − 39·8 / 1216.
    expect(result.alpha).toBeCloseTo(1 - (39 * (40 - 32)) / (40 * 40 - (9 * 9 + 13 * 13 + 10 * 10 + 5 * 5 + 3 * 3)), 12);
  });

  it('is 1 for perfect agreement with variation, and below 0 for systematic disagreement', () => {
    expect(krippendorffAlphaNominal([['false', 'false'], ['true', 'true'], ['opinion', 'opinion', 'opinion']]).alpha).toBe(1);
    const opposite = krippendorffAlphaNominal([['false', 'true'], ['true', 'false']]);
    expect(opposite.alpha).not.toBeNull();
    expect(opposite.alpha!).toBeLessThan(0);
    // 1 − (n − 1)·4 / (n² − Σn_c²) = 1 − 3·4/8
    expect(opposite.alpha).toBeCloseTo(-0.5, 12);
  });

  it('is null when nothing can be paired', () => {
    expect(krippendorffAlphaNominal([])).toEqual({ alpha: null, pairableUnits: 0, pairableValues: 0 });
    expect(krippendorffAlphaNominal([['false'], [null, 'true'], [null, undefined]])).toEqual({ alpha: null, pairableUnits: 0, pairableValues: 0 });
  });

  it('is null (undefined) when every pairable value is the same: no variation to measure against', () => {
    expect(krippendorffAlphaNominal([['false', 'false'], ['false', 'false', null], ['true']])).toEqual({ alpha: null, pairableUnits: 2, pairableValues: 4 });
  });

  it('ignores units with a single value and does not depend on the order of coders or units', () => {
    const base = [['a', 'b'], ['a', 'a', 'b'], ['c', 'c']];
    const shuffled = [['c', 'c'], ['b', 'a', 'a'], ['z'], ['b', 'a']];
    expect(krippendorffAlphaNominal(shuffled).alpha).toBeCloseTo(krippendorffAlphaNominal(base).alpha!, 12);
  });
});
