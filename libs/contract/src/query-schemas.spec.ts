import { describe, expect, it } from 'vitest';
import { type EndpointId, endpointById } from './endpoints';

type Query = Record<string, string>;

const defaults: [EndpointId, Record<string, number>][] = [
  ['users.offset', { page: 1, size: 20 }],
  ['users.cursor', { cursor: 0, size: 20 }],
  ['column-overhead.wide', { limit: 100 }],
  ['column-overhead.type.uuid', { limit: 100 }],
  ['n-plus-one.eager', { limit: 20, offset: 0 }],
  ['bulk.insert-raw', { count: 1000 }],
  ['transactions.decrement.no-lock', { product_id: 1, quantity: 1 }],
  ['transactions.decrement.optimistic', { product_id: 1, quantity: 1, max_retries: 5 }],
  ['cache.warmup', { count: 100 }],
  ['aggregation.stats.country.orm', { limit: 10 }],
  ['aggregation.stats.author.raw', { limit: 10 }],
  ['cpu.fibonacci', { n: 27 }],
];

const accepted: [EndpointId, Query, Record<string, unknown>][] = [
  ['users.offset', { page: '3', size: '100' }, { page: 3, size: 100 }],
  ['users.cursor', { cursor: '99980', size: '1' }, { cursor: 99980, size: 1 }],
  ['column-overhead.narrow', { limit: '1000' }, { limit: 1000 }],
  ['n-plus-one.lazy', { limit: '100', offset: '990' }, { limit: 100, offset: 990 }],
  ['bulk.update-bulk', { count: '10000' }, { count: 10000 }],
  ['transactions.decrement.optimistic', { max_retries: '0' }, { product_id: 1, quantity: 1, max_retries: 0 }],
  ['cache.warmup', { count: '1000' }, { count: 1000 }],
  ['auth.login.jwt', { user_id: '1' }, { user_id: 1 }],
  ['cpu.fibonacci', { n: '30' }, { n: 30 }],
  ['search.like', { q: '100%_\\' }, { q: '100%_\\', limit: 20 }],
  ['search.fulltext', { q: 'lorem ipsum', limit: '100' }, { q: 'lorem ipsum', limit: 100 }],
  ['users.offset', { page: '2', unknown: 'x' }, { page: 2, size: 20 }],
];

const rejected: [EndpointId, Query][] = [
  ['users.offset', { size: '0' }],
  ['users.offset', { size: '101' }],
  ['users.offset', { page: '0' }],
  ['users.offset', { page: 'abc' }],
  ['users.cursor', { cursor: '-1' }],
  ['users.cursor', { size: '2.5' }],
  ['column-overhead.extra-wide', { limit: '0' }],
  ['column-overhead.type.int', { limit: '1001' }],
  ['column-overhead.type.jsonb', { limit: 'abc' }],
  ['n-plus-one.subquery', { limit: '101' }],
  ['n-plus-one.subquery', { offset: '-1' }],
  ['bulk.insert-individual', { count: '0' }],
  ['bulk.insert-batch', { count: '10001' }],
  ['transactions.decrement.optimistic', { max_retries: '101' }],
  ['transactions.decrement.pessimistic', { quantity: 'one' }],
  ['cache.warmup', { count: '1001' }],
  ['auth.login.jwt', {}],
  ['auth.login.session', { user_id: 'me' }],
  ['aggregation.stats.country.raw', { limit: '0' }],
  ['aggregation.stats.author.orm', { limit: '101' }],
  ['cpu.fibonacci', { n: '0' }],
  ['cpu.fibonacci', { n: '31' }],
  // Past what PostgreSQL's integer holds, or what any page, offset or quantity needs.
  ['users.cursor', { cursor: '9544203041' }],
  ['users.offset', { page: '1000001' }],
  ['n-plus-one.eager', { offset: '1124773556684887293952' }],
  ['transactions.decrement.pessimistic', { product_id: '3', quantity: '-2147483647' }],
  ['transactions.decrement.no-lock', { quantity: '0' }],
  ['transactions.decrement.serializable', { quantity: '1001' }],
  ['transactions.decrement.optimistic', { product_id: '2147483648' }],
  ['auth.login.jwt', { user_id: '4398046511105' }],
  ['auth.login.session', { user_id: '0' }],
  ['search.fulltext', { q: 'a\u0000b' }],
  ['search.like', { q: '\u0000' }],
  ['search.like', {}],
  ['search.like', { q: '' }],
  ['search.fulltext', { q: 'x'.repeat(101) }],
  ['search.fulltext', { q: 'x', limit: '0' }],
];

const queryOf = (id: EndpointId) => {
  const query = endpointById(id as string)?.query;
  if (!query) throw new Error(`${id} has no query schema`);
  return query;
};

describe('query schemas', () => {
  it.each(defaults)('%s defaults to %j', (id, want) => expect(queryOf(id).parse({})).toEqual(want));
  it.each(accepted)('%s accepts %j', (id, input, want) => expect(queryOf(id).parse(input)).toEqual(want));
  it.each(rejected)('%s rejects %j', (id, input) => expect(queryOf(id).safeParse(input).success).toBe(false));
});

describe('path parameters', () => {
  it.each([
    ['users.get', '42', true],
    ['users.delete', 'abc', false],
    ['users.update', '1.5', false],
    ['transactions.products.get', '1', true],
    ['cache.users.cached', 'x', false],
  ] as const)('%s id=%s → %s', (id, raw, ok) => {
    expect(endpointById(id as string)?.params?.safeParse({ id: raw }).success).toBe(ok);
  });
});
