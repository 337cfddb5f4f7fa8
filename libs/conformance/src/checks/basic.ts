import { defineCheck } from '../check';
import type { CheckContext } from '../check';
import { findDifference } from '../compare';
import type { Exchange } from '../exchange';
import { detailOf, objectBody } from './helpers';

/** Checks a 4xx reply's `detail` text where the contract fixes it. */
export function expectDetail(ctx: CheckContext, endpoint: string, reply: Exchange | null, detail: string, aspect = 'detail'): void {
  if (!reply) return;
  const actual = detailOf(reply);
  if (actual !== detail) ctx.fail(aspect, endpoint, `expected {"detail": ${JSON.stringify(detail)}}`, { expected: detail, actual });
}

export const healthCheck = defineCheck({
  id: 'health',
  endpoints: ['GET /health'],
  async run(ctx) {
    const body = objectBody(await ctx.call('GET /health'));
    if (!body) return;
    if (body.status !== 'ok') ctx.fail('body', 'GET /health', 'status must be "ok"', { expected: 'ok', actual: body.status });
    if (ctx.implId !== undefined && body.server !== ctx.implId) {
      ctx.fail('server', 'GET /health', 'server must be the implementation id', { expected: ctx.implId, actual: body.server });
    }
  },
});

export const echoCheck = defineCheck({
  id: 'echo',
  endpoints: ['POST /echo'],
  async run(ctx) {
    const e = 'POST /echo';
    const full = objectBody(await ctx.call(e, { json: { message: 'hello', data: { a: 1, nested: { b: [1, 2] } }, timestamp: 123, extra: 'x' } }));
    if (full) {
      ctx.differs(
        'drops-extra-keys',
        e,
        'echo of {message, data, timestamp, extra}',
        findDifference({ message: 'hello', data: { a: 1, nested: { b: [1, 2] } } }, full),
      );
    }
    const bare = objectBody(await ctx.call(e, { json: { message: 'only' } }));
    if (bare) ctx.differs('data-null', e, 'echo without data', findDifference({ message: 'only', data: null }, bare));
    await ctx.call(e, { json: { data: {} }, expect: 422 });
    await ctx.call(e, { json: { message: 42 }, expect: 422 });
    await ctx.call(e, { json: { message: 'x', data: 'not-an-object' }, expect: 422 });
    await ctx.call(e, { raw: '{"message": "unterminated', expect: 422 });
  },
});

export const protectedCheck = defineCheck({
  id: 'protected',
  endpoints: ['GET /protected'],
  async run(ctx) {
    const e = 'GET /protected';
    const ok = objectBody(await ctx.call(e, { headers: { authorization: 'Bearer test-token-12345', 'x-request-id': 'conformance-1' } }));
    if (ok) {
      ctx.differs('granted', e, 'valid bearer token', findDifference({ message: 'Access granted', user: 'user_from_token_test-tok' }, ok));
    }
    expectDetail(ctx, e, await ctx.call(e, { expect: 401 }), 'Authorization header required', 'missing-header');
    expectDetail(ctx, e, await ctx.call(e, { headers: { authorization: 'Basic dXNlcjpwYXNz' }, expect: 401 }), 'Invalid authorization format', 'format');
    expectDetail(ctx, e, await ctx.call(e, { headers: { authorization: 'Bearer short' }, expect: 401 }), 'Invalid token', 'short-token');
  },
});

export const uploadCheck = defineCheck({
  id: 'upload',
  endpoints: ['POST /upload'],
  async run(ctx) {
    const e = 'POST /upload';
    for (const size of [1024, 3000]) {
      const data = Buffer.alloc(size, 'abcdefghij');
      const body = objectBody(
        await ctx.call(e, { multipart: { field: 'file', filename: `conformance-${size}.bin`, contentType: 'application/octet-stream', data } }),
      );
      if (!body) continue;
      if (body.size !== size) ctx.fail('size', e, `uploaded ${size} bytes, size reported ${String(body.size)}`, { expected: size, actual: body.size });
      if (body.filename !== `conformance-${size}.bin`)
        ctx.fail('metadata', e, 'filename must echo the part filename', { expected: `conformance-${size}.bin`, actual: body.filename });
      if (body.content_type !== 'application/octet-stream')
        ctx.fail('metadata', e, 'content_type must echo the part type', { expected: 'application/octet-stream', actual: body.content_type });
    }
    const missing = await ctx.call(e, { multipart: { field: 'other', filename: 'x.txt', contentType: 'text/plain', data: Buffer.from('x') }, expect: 422 });
    expectDetail(ctx, e, missing, 'No file uploaded', 'missing-file');
  },
});

export const externalCheck = defineCheck({
  id: 'external',
  endpoints: ['GET /external'],
  async run(ctx) {
    const e = 'GET /external';
    for (let i = 0; i < 2; i++) {
      const reply = await ctx.call(e);
      const body = objectBody(reply);
      if (!reply || !body) continue;
      // Timers may fire up to a millisecond early; nothing upstream can answer sooner than its delay.
      if (reply.durationMs < ctx.upstreamDelayMs - 1) {
        ctx.fail('delay', e, `answered in ${reply.durationMs.toFixed(1)} ms, faster than the upstream's ${ctx.upstreamDelayMs} ms delay`, {
          expected: `>= ${ctx.upstreamDelayMs}`,
          actual: reply.durationMs,
        });
      }
      ctx.differs('body', e, 'upstream body', findDifference({ message: 'External API response' }, body.data));
      if (body.source !== 'upstream') ctx.fail('body', e, 'source must be "upstream"', { expected: 'upstream', actual: body.source });
    }
  },
});

/** `/external` calls made by `external.upstream`. */
export const UPSTREAM_CALLS = 3;

/** Every `/external` answer comes from a real request to the upstream stub (its `/__hits` counter). */
export const externalUpstreamCheck = defineCheck({
  id: 'external.upstream',
  endpoints: ['GET /external'],
  needsUpstream: true,
  async run(ctx) {
    const e = 'GET /external';
    const before = await ctx.upstream!.hits();
    let answered = 0;
    for (let i = 0; i < UPSTREAM_CALLS; i++) if ((await ctx.call(e))?.status === 200) answered++;
    const received = (await ctx.upstream!.hits()) - before;
    if (received < answered) {
      ctx.fail('calls-upstream', e, `${answered} answers, but the upstream stub received ${received} requests: every call must GET {UPSTREAM_URL}/delay`, {
        expected: `>= ${answered}`,
        actual: received,
      });
    }
  },
});

export const basicChecks = [healthCheck, echoCheck, protectedCheck, uploadCheck, externalCheck, externalUpstreamCheck];
