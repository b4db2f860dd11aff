// Krippendorff's alpha for nominal data (Krippendorff 2011, "Computing Krippendorff's
// Alpha-Reliability"): α = 1 − D_o / D_e, from the coincidence matrix of the values that can be
// paired, i.e. those in units that received two or more values. Pure: no database, no I/O.

/** One unit (item being rated): one value per coder, `null` or `undefined` where a coder gave none. */
export type ReliabilityUnit = ReadonlyArray<string | null | undefined>;

export interface AlphaResult {
  /**
   * 1 = perfect agreement, 0 = agreement at chance level, below 0 = systematic disagreement.
   * `null` when it is not defined: nothing can be paired, or every pairable value is the same
   * (no variation, so chance agreement is already perfect).
   */
  alpha: number | null;
  /** Units with two or more values (the only ones that count). */
  pairableUnits: number;
  /** Values in those units (n in Krippendorff's notation). */
  pairableValues: number;
}

export function krippendorffAlphaNominal(units: ReadonlyArray<ReliabilityUnit>): AlphaResult {
  // Coincidences: within a unit of m values, each ordered pair of values (from different coders)
  // adds 1/(m − 1) to o[c][k]. Only the diagonal and the marginals are needed for nominal data.
  const matching = new Map<string, number>(); // o[c][c]
  const marginal = new Map<string, number>(); // n_c
  let pairableUnits = 0;
  let n = 0;
  for (const unit of units) {
    const values = unit.filter((v): v is string => v !== null && v !== undefined);
    const m = values.length;
    if (m < 2) continue;
    pairableUnits += 1;
    n += m;
    const counts = new Map<string, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    for (const [value, count] of counts) {
      matching.set(value, (matching.get(value) ?? 0) + (count * (count - 1)) / (m - 1));
      marginal.set(value, (marginal.get(value) ?? 0) + count);
    }
  }
  if (n < 2) return { alpha: null, pairableUnits, pairableValues: n };

  // Nominal metric: δ = 0 for equal values, 1 otherwise, so
  // D_o ∝ n − Σ o_cc and D_e ∝ (n² − Σ n_c²) / (n − 1).
  let observedAgreement = 0;
  for (const o of matching.values()) observedAgreement += o;
  let sumSquares = 0;
  for (const count of marginal.values()) sumSquares += count * count;
  const expectedDisagreement = (n * n - sumSquares) / (n - 1);
  if (expectedDisagreement === 0) return { alpha: null, pairableUnits, pairableValues: n };
  const observedDisagreement = n - observedAgreement;
  return { alpha: 1 - observedDisagreement / expectedDisagreement, pairableUnits, pairableValues: n };
}
