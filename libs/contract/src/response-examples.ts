import type { EndpointId } from './endpoints';

const ts = '2025-01-01T00:00:00';
const user = { id: 1, name: 'User1', email: 'user1@benchmark.com', created_at: ts };
const nn = (i: number) => String(i).padStart(2, '0');
const numbered = (prefix: string, count: number, value: (i: number) => unknown) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${nn(i + 1)}`, value(i + 1)]));
const typeRow = (prefix: string, value: (i: number) => unknown) => [{ id: 1, name: 'User1', email: 'type1@benchmark.com', ...numbered(prefix, 5, value) }];
const wideRow = {
  id: 1,
  name: 'User1',
  email: 'wide1@benchmark.com',
  status: 'active',
  created_at: ts,
  phone: '010-1234-5678',
  address: 'Address 1',
  city: 'City 1',
  country: 'Country1',
  postal_code: '123456',
  birth_date: '1990-05-17',
  gender: 'female',
  occupation: 'Occupation 1',
  company: 'Company 1',
  website: 'https://example.com/user/1',
  bio: 'Bio text for user 1.',
  avatar_url: 'https://avatar.example.com/1.jpg',
  last_login: '2025-01-03T04:05:06.789Z',
  login_count: 42,
  preferences: { theme: 'dark', lang: 'ko' },
};
const post = { id: 1, title: 'Post 1 by Author 1', content: 'Content of post 1.', view_count: 10, created_at: ts };
const author = { id: 1, name: 'Author1', email: 'author1@benchmark.com', bio: 'Bio for author 1.', created_at: ts, posts: [post] };
const bulk = (operation: string) => ({ 200: { operation, count: 1000, elapsed_ms: 12.5 } });
const decrement = (method: string) => ({
  200: { success: true, method, product_id: 1, old_stock: 1000, new_stock: 999, retries: 0, elapsed_ms: 1.25, error: null },
  404: { detail: 'Product not found' },
});
const countResult = { 200: { count_star: 100000, count_id: 100000, count_distinct_status: 2 } };
const countryStats = { 200: [{ country: 'Country0', user_count: 2000, total_logins: 1000000, avg_logins: 500.5 }] };
const authorStats = { 200: [{ author_id: 7, author_name: 'Author7', post_count: 15, total_views: 75000, avg_views: 5000.25 }] };
const reportEntry = (id: number) => ({ id, name: `Author${id}`, post_count: 15, total_views: 75000, avg_views: 5000.5 });
const top10 = Array.from({ length: 10 }, (_, i) => reportEntry(i + 1));
const protectedOk = (auth_type: string) => ({
  200: { message: 'protected resource', auth_type, user_id: 1, email: 'user1@benchmark.com', elapsed_ms: 0.8 },
  401: { detail: 'Invalid authorization header' },
});
const validation = { detail: [{ loc: ['query', 'size'], msg: 'too big' }] };

/**
 * A valid example body for every documented response of every endpoint that has a body
 * (422 bodies are `{detail: [...]}` issue arrays). Used by tests; handy for stubs and docs.
 */
export const responseExamples: Record<EndpointId, Record<number, unknown>> = {
  health: { 200: { status: 'ok', server: 'typescript-fastify' } },
  echo: { 200: { message: 'hello', data: { a: 1 } }, 422: { detail: 'message is required' } },
  'users.list': { 200: [user] },
  'users.create': { 201: user, 409: { detail: 'Email already exists' }, 422: validation },
  'users.get': { 200: user, 404: { detail: 'User not found' }, 422: validation },
  'users.update': { 200: user, 404: { detail: 'User not found' }, 409: { detail: 'Email already exists' }, 422: validation },
  'users.delete': { 404: { detail: 'User not found' }, 422: validation },
  external: { 200: { source: 'upstream', latency_ms: 100.42, data: { message: 'External API response' } } },
  protected: {
    200: { message: 'Access granted', user: 'user_from_token_test-tok' },
    401: { detail: 'Authorization header required' },
  },
  upload: { 200: { filename: 'a.bin', size: 1024, content_type: 'application/octet-stream' }, 422: { detail: 'No file uploaded' } },
  'users.offset': { 200: { items: [user], total: 100000, page: 1, size: 20, total_pages: 5000 }, 422: validation },
  'users.cursor': { 200: { items: [user], next_cursor: 20, size: 20 }, 422: validation },
  'column-overhead.narrow': {
    200: [{ id: 1, name: 'User1', email: 'narrow1@benchmark.com', status: 'inactive', created_at: '2025-01-01T00:00:00+00:00' }],
    422: validation,
  },
  'column-overhead.wide': { 200: [wideRow], 422: validation },
  'column-overhead.extra-wide': {
    200: [{ id: 1, name: 'User1', email: 'extrawide1@benchmark.com', ...numbered('field_', 45, (i) => `val_${nn(i)}_1`), created_at: ts }],
    422: validation,
  },
  'column-overhead.type.int': { 200: typeRow('int_col_', (i) => i * 1000), 422: validation },
  'column-overhead.type.varchar': { 200: typeRow('varchar_col_', (i) => `varchar_value_${nn(i)}_1`), 422: validation },
  'column-overhead.type.text': { 200: typeRow('text_col_', (i) => `Lorem ipsum ${i}`), 422: validation },
  'column-overhead.type.jsonb': { 200: typeRow('json_col_', (i) => ({ id: 1, type: `col${nn(i)}`, data: { nested: 'value' } })), 422: validation },
  'column-overhead.type.timestamp': { 200: typeRow('ts_col_', (i) => `2024-0${i}-01T12:00:00.123456`), 422: validation },
  'column-overhead.type.uuid': { 200: typeRow('uuid_col_', (i) => `0000000${i}-89ab-4def-8123-456789abcdef`), 422: validation },
  'n-plus-one.lazy': { 200: [author], 422: validation },
  'n-plus-one.eager': { 200: [author], 422: validation },
  'n-plus-one.subquery': { 200: [author], 422: validation },
  'bulk.cleanup': { 200: { message: 'Table truncated' } },
  'bulk.insert-individual': { ...bulk('insert-individual'), 422: validation },
  'bulk.insert-batch': { ...bulk('insert-batch'), 422: validation },
  'bulk.insert-raw': { ...bulk('insert-raw'), 422: validation },
  'bulk.update-individual': { ...bulk('update-individual'), 422: validation },
  'bulk.update-bulk': { ...bulk('update-bulk'), 422: validation },
  'transactions.products.get': {
    200: { id: 1, name: 'Product 1', stock: 1000, version: 0, updated_at: ts },
    404: { detail: 'Product not found' },
    422: validation,
  },
  'transactions.reset': { 200: { message: 'All stocks reset to 1000' } },
  'transactions.decrement.no-lock': { ...decrement('no-lock'), 422: validation },
  'transactions.decrement.pessimistic': { ...decrement('pessimistic'), 422: validation },
  'transactions.decrement.optimistic': { ...decrement('optimistic'), 422: validation },
  'transactions.decrement.serializable': { ...decrement('serializable'), 422: validation },
  'cache.users.no-cache': {
    200: { source: 'database', user_id: 1, name: 'User1', email: 'user1@benchmark.com', elapsed_ms: 0.5 },
    404: { detail: 'User not found' },
    422: validation,
  },
  'cache.users.cached': {
    200: { source: 'cache', user_id: 1, name: 'User1', email: 'user1@benchmark.com', elapsed_ms: 0.1 },
    404: { detail: 'User not found' },
    422: validation,
  },
  'cache.warmup': { 200: { warmed_count: 100, elapsed_ms: 15 }, 422: validation },
  'cache.flush': { 200: { message: 'Cache flushed' } },
  'cache.users.delete': { 200: { deleted: 'user:1', success: true }, 422: validation },
  'auth.public': { 200: { message: 'public endpoint', authenticated: false } },
  'auth.login.jwt': {
    200: { access_token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl', token_type: 'bearer', elapsed_ms: 1.1 },
    401: { detail: 'User not found' },
    422: validation,
  },
  'auth.login.session': {
    200: { session_token: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJ-_01234', token_type: 'session', elapsed_ms: 1.1 },
    401: { detail: 'User not found' },
    422: validation,
  },
  'auth.protected.jwt': protectedOk('jwt'),
  'auth.protected.session': protectedOk('session'),
  'aggregation.count.orm': countResult,
  'aggregation.count.raw': countResult,
  'aggregation.stats.country.orm': { ...countryStats, 422: validation },
  'aggregation.stats.country.raw': { ...countryStats, 422: validation },
  'aggregation.stats.author.orm': { ...authorStats, 422: validation },
  'aggregation.stats.author.raw': { ...authorStats, 422: validation },
  'io.sleep': { 200: { status: 'ok', slept: 0.1 } },
  'io.db': { 200: { count: 1000, authors: [{ id: 1, name: 'Author1', email: 'author1@benchmark.com', post_count: 8, total_views: 40000 }] } },
  'cpu.fibonacci': { 200: { n: 27, result: 196418 }, 422: validation },
  'cpu.hash': { 200: { status: 'ok', hash_length: 60 } },
  'cpu.json-serialize': { 200: { status: 'ok', items: 10000, bytes: 788890 } },
  'mixed.report': {
    200: {
      summary: { total_authors: 1000, total_posts: 10000, total_views: 50000000, avg_posts_per_author: 10, avg_views_per_post: 5000.5 },
      top_by_posts: top10,
      top_by_views: top10,
    },
  },
  'search.like': { 200: [{ id: 3, author_id: 1, title: 'Post 3 by Author 1' }], 422: validation },
  'search.fulltext': { 200: [{ id: 3, author_id: 1, title: 'Post 3 by Author 1', rank: 0.0607927 }], 422: validation },
};
