/**
 * Reference values for Student's t, Welch's test and Holm's adjustment, computed
 * INDEPENDENTLY with SciPy 1.17.1 / NumPy 2.4 (see reference-data.ts for the venv):
 *   scipy.stats.t.ppf(p, df), scipy.stats.t.sf(t, df), scipy.special.betainc(a, b, x),
 *   scipy.special.gammaln(x)
 *   r = scipy.stats.ttest_ind(np.log(a), np.log(b), equal_var=False); r.pvalue, r.df,
 *       np.exp(r.confidence_interval(c))
 *   r = scipy.stats.ttest_1samp(np.log(x), 0); np.exp(np.log(x).mean()), np.exp(r.confidence_interval(c))
 * Holm's adjusted p-values by hand from the definition (statsmodels' multipletests 'holm'). Test-only.
 */

/** [p, df, scipy.stats.t.ppf(p, df)] */
export const T_QUANTILES: readonly (readonly [number, number, number])[] = [
  [0.975, 1, 12.706204736174694],
  [0.995, 1, 63.656741162871526],
  [0.9, 1, 3.0776835371752544],
  [0.975, 2, 4.302652729749462],
  [0.995, 2, 9.924843200918287],
  [0.975, 3, 3.1824463052837078],
  [0.995, 3, 5.840909309733355],
  [0.9, 4, 1.533206274058944],
  [0.975, 5, 2.5705818356363146],
  [0.975, 9, 2.262157162798205],
  [0.995, 29, 2.756385903670605],
  [0.975, 100, 1.9839715185235518],
  [0.975, 2.5365792806249146, 3.5380419216470287],
  [0.999, 1, 318.30883898555015],
];

/** [t, df, scipy.stats.t.sf(t, df)] */
export const T_TAILS: readonly (readonly [number, number, number])[] = [
  [3.2, 1, 0.09641124797922958],
  [3.2, 2, 0.04267043961997642],
  [3.2, 5, 0.011997588401650239],
  [3.2, 29, 0.0016592212317408765],
  [3.2, 100, 0.0009209712579415268],
  [0.5, 1.5, 0.34028355533497],
  [2.0, 2.5365, 0.07792575963421892],
  [10, 3, 0.0010641995292070751],
  [-1.2, 7, 0.8654140315863967],
  [-1.5, 4, 0.896],
];

/** [x, a, b, scipy.special.betainc(a, b, x)] and [x, scipy.special.gammaln(x)] */
export const BETA_CASES: readonly (readonly [number, number, number, number])[] = [[0.3, 2.5, 0.5, 0.018927124071945658]];
export const LOG_GAMMA_CASES: readonly (readonly [number, number])[] = [
  [0.3, 1.0957979948180756],
  [12.5, 18.73434751193645],
];

/** Welch's t-test on log values against SciPy. */
export const WELCH_CASES = [
  {
    a: [10234.5, 9876.2, 10450.1],
    b: [9012.3, 9200.1, 8950.7, 9105.2],
    confidence: 0.95,
    pValue: 0.01158395736536783,
    df: 2.5365792806249146,
    ratio: 1.1232643647634182,
    low: 1.055633811608176,
    high: 1.1952277572705148,
  },
  {
    a: [101.0, 99.0],
    b: [100.5, 98.0],
    confidence: 0.9,
    pValue: 0.6867434555148275,
    df: 1.9022513553434017,
    ratio: Math.exp((Math.log(101) + Math.log(99) - Math.log(100.5) - Math.log(98)) / 2),
    low: 0.9597422071205844,
    high: 1.0578152810762995,
  },
] as const;

/** One-sample t interval on logs (geometric mean with its CI) against SciPy. */
export const LOG_T_CASES = [
  { values: [10234.5, 9876.2, 10450.1], estimate: 10184.170251801, ci95: [9486.60504264322, 10933.028544083885], ci90: [9705.3954435418, 10686.563398782933] },
  {
    values: [10234.5, 9876.2, 10450.1, 10012.9, 9950.3, 10321.7, 10105.4],
    estimate: 10134.03816100165,
    ci95: [9943.440897725779, 10328.288819228215],
    ci90: [9982.38279455371, 10287.99752146042],
  },
  {
    values: [1.12, 1.3, 1.05, 1.2],
    estimate: 1.163812399708027,
    ci95: [1.0057435032360735, 1.346724385845951],
    ci90: [1.0447272794279645, 1.2964716518705093],
  },
] as const;

/** Holm: input p-values and the adjusted ones. */
export const HOLM_CASE = { p: [0.01, 0.04, 0.03, 0.005, 0.5], adjusted: [0.04, 0.09, 0.09, 0.025, 0.5] } as const;
