import { describe, expect, it } from 'vitest';
import { parseThreshold } from './threshold';

describe('parseThreshold', () => {
  it.each([
    ['p95 < 500ms', { metric: 'p95', percentile: 95, op: '<', limit: 500_000, unit: 'us' }],
    ['p99.9 <= 2s', { metric: 'p99.9', percentile: 99.9, op: '<=', limit: 2_000_000, unit: 'us' }],
    ['med < 250us', { metric: 'med', percentile: 50, op: '<', limit: 250, unit: 'us' }],
    ['avg < 100', { metric: 'avg', op: '<', limit: 100_000, unit: 'us' }],
    ['errors < 1%', { metric: 'errors', op: '<', limit: 1, unit: 'percent' }],
    ['checks > 99%', { metric: 'checks', op: '>', limit: 99, unit: 'percent' }],
    ['rate >= 100/s', { metric: 'rate', op: '>=', limit: 100, unit: 'perSec' }],
  ])('parses %s', (expr, expected) => {
    expect(parseThreshold(expr)).toMatchObject(expected);
  });

  it.each(['p95 <', 'p95 < 5%', 'errors < 1ms', 'checks > 120%', 'p100 < 1ms', 'latency < 1ms', 'rate > 5ms'])('rejects %s', (expr) => {
    expect(parseThreshold(expr)).toHaveProperty('error');
  });
});
