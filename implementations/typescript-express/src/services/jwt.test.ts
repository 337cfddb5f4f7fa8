import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { TOKEN_TTL_SECONDS, jwtKey, signAccessToken, verifyAccessToken } from './jwt.js';

const key = jwtKey('benchmark-secret-key-12345');

describe('signAccessToken', () => {
  it('carries exactly {sub: string, email, exp: now + 1800 as an integer}, HS256', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await signAccessToken(key, 42, 'user42@benchmark.com', now);
    assert.deepEqual(decodeJwt(token), { sub: '42', email: 'user42@benchmark.com', exp: now + TOKEN_TTL_SECONDS });
    assert.equal(decodeProtectedHeader(token).alg, 'HS256');
  });
});

describe('verifyAccessToken', () => {
  it('returns the user id of a valid token', async () => {
    assert.equal(await verifyAccessToken(key, await signAccessToken(key, 7, 'a@b')), 7);
  });

  it('rejects another secret, a tampered payload, an expired token and garbage', async () => {
    const token = await signAccessToken(key, 7, 'a@b');
    const [h, , s] = token.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ sub: '1', email: 'a@b', exp: 9999999999 })).toString('base64url')}.${s}`;
    const expired = await signAccessToken(key, 7, 'a@b', Math.floor(Date.now() / 1000) - 2 * TOKEN_TTL_SECONDS);
    for (const bad of [await signAccessToken(jwtKey('other'), 7, 'a@b'), forged, expired, 'not-a-jwt']) {
      assert.equal(await verifyAccessToken(key, bad), null);
    }
  });
});
