import { assertSample } from './assert-sample';
import { StatsError } from './errors';
import { normalSf } from './normal';

/** Alternative hypothesis of {@link mannWhitneyU}, named as in SciPy. */
export type Alternative = 'two-sided' | 'less' | 'greater';

/** Options of {@link mannWhitneyU}; defaults follow `scipy.stats.mannwhitneyu`. */
export interface MannWhitneyOptions {
  /** 'two-sided' (default): distributions differ; 'greater': a tends to exceed b; 'less'. */
  readonly alternative?: Alternative;
  /**
   * 'auto' (default): 'exact' when either sample has at most 8 values and there are no
   * ties (and nA·nB ≤ {@link EXACT_MAX_PRODUCT}), otherwise 'asymptotic'.
   */
  readonly method?: 'auto' | 'exact' | 'asymptotic';
  /** Continuity correction of ½ in the normal approximation. Default true. */
  readonly continuity?: boolean;
}

/** Outcome of {@link mannWhitneyU}. */
export interface MannWhitneyResult {
  /** U of the first sample: R_a − nA(nA + 1)/2 (SciPy's `statistic`). */
  readonly u: number;
  /** p-value for `alternative`, in [0, 1]. */
  readonly pValue: number;
  /** How `pValue` was computed. */
  readonly method: 'exact' | 'asymptotic';
  readonly alternative: Alternative;
  /** Standardised statistic of the normal approximation; null for the exact method. */
  readonly z: number | null;
  /** U / (nA·nB) = P(A > B) + ½·P(A = B), the common-language effect size (McGraw & Wong 1992). */
  readonly probabilityOfSuperiority: number;
  readonly nA: number;
  readonly nB: number;
  /** True when some values occur more than once in the pooled sample. */
  readonly hasTies: boolean;
}

/** Largest nA·nB for which 'auto' picks the exact distribution (keeps it fast). */
export const EXACT_MAX_PRODUCT = 100_000;

/**
 * Mann–Whitney U test (Mann & Whitney 1947; Wilcoxon rank-sum) of two independent samples,
 * matching `scipy.stats.mannwhitneyu`:
 * - U_a = R_a − nA(nA + 1)/2 from mid-ranks (ties get the average rank);
 * - asymptotic: z = (U − nA·nB/2 − ½) / σ with the tie-corrected
 *   σ = √(nA·nB/12 · ((n + 1) − Σ(t³ − t)/(n(n − 1)))), p = P(Z > z), where U is max(U_a, U_b)
 *   for two-sided (p doubled, capped at 1), U_a for 'greater', U_b for 'less';
 * - exact (no ties): P(U ≥ u) from the null distribution of U, whose counts are the
 *   coefficients of the Gaussian binomial [nA + nB choose nA]_q = Π_k (1 − q^(nB+k)) / (1 − q^k)
 *   (Andrews, The Theory of Partitions, §3.4), computed with BigInt so counts are exact.
 * Needs at least one value in each sample.
 */
export function mannWhitneyU(a: readonly number[], b: readonly number[], options: MannWhitneyOptions = {}): MannWhitneyResult {
  assertSample(a, 'Mann-Whitney U (first sample)');
  assertSample(b, 'Mann-Whitney U (second sample)');
  const alternative = options.alternative ?? 'two-sided';
  const continuity = options.continuity ?? true;
  const nA = a.length;
  const nB = b.length;
  const { rankSumA, tieTerm, hasTies } = rankSum(a, b);
  const uA = rankSumA - (nA * (nA + 1)) / 2;
  const uB = nA * nB - uA;
  const u = alternative === 'greater' ? uA : alternative === 'less' ? uB : Math.max(uA, uB);
  const factor = alternative === 'two-sided' ? 2 : 1;

  let method = options.method ?? 'auto';
  if (method === 'auto') {
    const small = (nA <= 8 || nB <= 8) && nA * nB <= EXACT_MAX_PRODUCT;
    method = small && !hasTies ? 'exact' : 'asymptotic';
  }
  if (method === 'exact' && hasTies) {
    throw new StatsError('LAB_STATS_INVALID_OPTION', "the exact Mann-Whitney distribution assumes no ties; use method 'asymptotic'");
  }

  let z: number | null = null;
  let p: number;
  if (method === 'exact') {
    p = exactSf(u, nA, nB);
  } else {
    const n = nA + nB;
    const sigma = Math.sqrt(((nA * nB) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
    const numerator = u - (nA * nB) / 2 - (continuity ? 0.5 : 0);
    z = sigma === 0 ? (numerator < 0 ? -Infinity : numerator > 0 ? Infinity : 0) : numerator / sigma;
    p = sigma === 0 && numerator === 0 ? 1 : normalSf(z);
  }
  return {
    u: uA,
    pValue: Math.min(1, Math.max(0, p * factor)),
    method,
    alternative,
    z,
    probabilityOfSuperiority: uA / (nA * nB),
    nA,
    nB,
    hasTies,
  };
}

/** Sum of the mid-ranks of `a` in the pooled sample, and the tie term Σ(t³ − t). */
function rankSum(a: readonly number[], b: readonly number[]): { rankSumA: number; tieTerm: number; hasTies: boolean } {
  const pooled = [...a.map((value) => ({ value, inA: true })), ...b.map((value) => ({ value, inA: false }))];
  pooled.sort((x, y) => x.value - y.value);
  let rankSumA = 0;
  let tieTerm = 0;
  for (let start = 0; start < pooled.length; ) {
    let end = start + 1;
    while (end < pooled.length && pooled[end]!.value === pooled[start]!.value) end++;
    const t = end - start;
    const midRank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) if (pooled[i]!.inA) rankSumA += midRank;
    tieTerm += t * t * t - t;
    start = end;
  }
  return { rankSumA, tieTerm, hasTies: tieTerm > 0 };
}

/** P(U ≥ u) under H0 for sizes m, n without ties (exact, via Gaussian-binomial counts). */
function exactSf(u: number, m: number, n: number): number {
  const small = Math.min(m, n);
  const large = Math.max(m, n);
  const degree = m * n;
  const counts = new Array<bigint>(degree + 1).fill(0n);
  counts[0] = 1n;
  for (let k = 1; k <= small; k++) {
    // Multiply by (1 − q^(large + k)), then divide by (1 − q^k); both exact on integers.
    const shift = large + k;
    for (let i = degree; i >= shift; i--) counts[i]! -= counts[i - shift]!;
    for (let i = k; i <= degree; i++) counts[i]! += counts[i - k]!;
  }
  let total = 0n;
  let tail = 0n;
  const threshold = Math.ceil(u);
  for (let i = 0; i <= degree; i++) {
    total += counts[i]!;
    if (i >= threshold) tail += counts[i]!;
  }
  return Number(tail) / Number(total);
}
