import { describe, expect, it } from 'vitest';
import { erfc, normalSf } from './normal';
import { expectClose } from './testing/reference-data';

// Reference: SciPy 1.17.1, python: from scipy import special
//   print(repr(float(special.ndtr(-z))), repr(float(special.erfc(z))))
const TABLE: [number, number, number][] = [
  [-5, 0.9999997133484281, 1.9999999999984626],
  [-1.5, 0.9331927987311419, 1.9661051464753108],
  [0, 0.5, 1.0],
  [0.3, 0.3820885778110474, 0.6713732405408726],
  [0.5, 0.3085375387259869, 0.4795001221869535],
  [1, 0.15865525393145707, 0.15729920705028516],
  [1.96, 0.024997895148220435, 0.005573724535172135],
  [2.5, 0.006209665325776132, 0.00040695201744495886],
  [2.9999, 0.001350341282954925, 2.2104426482160917e-5],
  [3, 0.0013498980316300933, 2.2090496998585445e-5],
  [4.5, 3.3976731247300535e-6, 1.9661604415428878e-10],
  [8, 6.22096057427174e-16, 1.1224297172982928e-29],
  [20, 2.7536241186061556e-89, 5.395865611607901e-176],
];

describe('normalSf and erfc', () => {
  it.each(TABLE)('z = %d matches scipy.special.ndtr(-z) and erfc(z)', (z, sf, erfcZ) => {
    expectClose(normalSf(z), sf, 1e-13); // exp(−z²/2) amplifies rounding of z/√2 in the far tail
    expectClose(erfc(z), erfcZ, 1e-14);
  });

  it('handles infinities', () => {
    expect(normalSf(Infinity)).toBe(0);
    expect(normalSf(-Infinity)).toBe(1);
  });
});
