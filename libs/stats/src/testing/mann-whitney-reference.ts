/**
 * Mann–Whitney references from SciPy 1.17.1 (see reference-data.ts for the venv):
 *   from scipy import stats
 *   r = stats.mannwhitneyu(a, b, alternative=alt)                       # method='auto'
 *   r = stats.mannwhitneyu(a, b, use_continuity=False)                  # two-sided, auto
 *   r = stats.mannwhitneyu(a, b, method='asymptotic' | 'exact')
 *   print(repr(float(r.statistic)), repr(float(r.pvalue)))
 * Samples 'normal-20-25' and 'normal-10-12' were drawn once with numpy.random.default_rng(7)
 * (rng.normal(100,10,20), rng.normal(108,10,25), then rng.normal(10,4,40) for 'tied-3-40',
 * then rng.normal(0,1,10), rng.normal(0.8,1,12)), rounded to 3 decimals and pasted here.
 * Test-only.
 */
export interface MannWhitneyCase {
  readonly name: string;
  readonly a: readonly number[];
  readonly b: readonly number[];
  /** scipy `statistic` (U of a). */
  readonly u: number;
  /** method 'exact' or 'asymptotic' that scipy's 'auto' picks. */
  readonly autoMethod: 'exact' | 'asymptotic';
  /** p-values of method='auto' per alternative. */
  readonly auto: { readonly 'two-sided': number; readonly less: number; readonly greater: number };
  /** two-sided, use_continuity=False, method='auto'. */
  readonly noContinuity: number;
  /** two-sided, method='asymptotic'. */
  readonly asymptotic: number;
  /** two-sided, method='exact' (only without ties). */
  readonly exact?: number;
}

const B_TIED_40 = [
  3.811, 13.438, 10.477, 7.434, 18.002, 13.049, 5.203, 10.298, 12.307, 9.245, 12.732, 9.734, 12.669, 15.754, 7.297, 10.813, 8.147, 10.509, 5.251, 7.683, 9.215,
  13.595, 14.581, 4.706, 6.821, 12.588, 2.03, 8.147, 9.611, 15.028, 12.758, 8.691, 8.526, 8.999, 16.094, 8.288, 8.785, 11.41, 9.517, 9.211,
];

export const MANN_WHITNEY_CASES: readonly MannWhitneyCase[] = [
  {
    name: 'exact-5-6',
    a: [1.1, 2.3, 3.5, 4.2, 5.9],
    b: [6.1, 7.4, 3.9, 8.8, 9.0, 2.0],
    u: 6,
    autoMethod: 'exact',
    auto: { 'two-sided': 0.12554112554112554, less: 0.06277056277056277, greater: 0.9588744588744589 },
    noContinuity: 0.12554112554112554,
    asymptotic: 0.12069080052744556,
    exact: 0.12554112554112554,
  },
  {
    name: 'ties-9-10',
    a: [1, 2, 2, 3, 4, 5, 5, 5, 6],
    b: [3, 4, 4, 5, 6, 7, 7, 8, 9, 9],
    u: 17.5,
    autoMethod: 'asymptotic',
    auto: { 'two-sided': 0.02620603638173828, less: 0.01310301819086914, greater: 0.9894302455161593 },
    noContinuity: 0.02355479889448034,
    asymptotic: 0.02620603638173828,
  },
  {
    name: 'normal-20-25',
    a: [
      100.012, 102.987, 97.259, 91.094, 95.453, 90.084, 100.601, 113.402, 95.078, 93.795, 104.898, 103.569, 101.054, 90.695, 99.707, 106.953, 86.558, 95.424,
      80.988, 87.105,
    ],
    b: [
      89.583, 105.649, 95.326, 110.713, 109.568, 106.131, 82.832, 102.613, 107.515, 109.133, 92.699, 103.222, 98.215, 99.912, 118.609, 99.925, 107.675, 116.844,
      102.164, 106.883, 109.105, 108.638, 95.749, 108.761, 121.588,
    ],
    u: 125,
    autoMethod: 'asymptotic',
    auto: { 'two-sided': 0.004458176291700363, less: 0.0022290881458501815, greater: 0.997925608970718 },
    noContinuity: 0.004300957190416714,
    asymptotic: 0.004458176291700363,
    exact: 0.0037409693976484942,
  },
  {
    name: 'tied-3-40',
    a: [12.5, 3.25, 7.75],
    b: B_TIED_40,
    u: 38,
    autoMethod: 'asymptotic',
    auto: { 'two-sided': 0.30535800619456044, less: 0.15267900309728022, greater: 0.8582939680120596 },
    noContinuity: 0.29424787622825044,
    asymptotic: 0.30535800619456044,
  },
  {
    // The tied sample above with the duplicate 8.147 removed: one small sample, no ties → exact.
    name: 'exact-3-39',
    a: [12.5, 3.25, 7.75],
    b: B_TIED_40.filter((x, i) => !(x === 8.147 && i === 27)),
    u: 37,
    autoMethod: 'exact',
    auto: { 'two-sided': 0.3207317073170732, less: 0.1603658536585366, greater: 0.8512195121951219 },
    noContinuity: 0.3207317073170732,
    asymptotic: 0.305074881337578,
    exact: 0.3207317073170732,
  },
  {
    name: 'normal-10-12',
    a: [-1.114, -0.012, -0.444, 1.166, 0.653, -0.024, 0.668, -0.34, 1.052, -0.005],
    b: [1.383, -0.491, 1.147, -0.888, -1.235, 0.496, -0.1, 0.964, 3.045, -0.032, 0.176, 1.005],
    u: 55,
    autoMethod: 'asymptotic',
    auto: { 'two-sided': 0.7666793603687381, less: 0.38333968018436904, greater: 0.6415702819019358 },
    noContinuity: 0.7416340316484613,
    asymptotic: 0.7666793603687381,
    exact: 0.7713030004051677,
  },
];
