import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { signJwt, verifyJwt } from './jwt.js';

const SECRET = 'benchmark-secret-key-12345';
const NOW = 1_800_000_000;
const claims = { sub: '42', email: 'user42@benchmark.com', exp: NOW + 1800 };

describe('jwt', () => {
  it('round-trips claims through sign and verify', () => {
    assert.deepEqual(verifyJwt(signJwt(claims, SECRET), SECRET, NOW), claims);
  });

  it('produces a standard HS256 token (header, payload, HMAC-SHA256 signature)', () => {
    const token = signJwt(claims, SECRET);
    const [header, payload, signature] = token.split('.');
    assert.deepEqual(JSON.parse(Buffer.from(header!, 'base64url').toString()), { alg: 'HS256', typ: 'JWT' });
    assert.deepEqual(JSON.parse(Buffer.from(payload!, 'base64url').toString()), claims);
    const expected = createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url');
    assert.equal(signature, expected);
  });

  it('verifies a token signed by another library (jwt.io HS256 example layout)', () => {
    const header = Buffer.from('{"typ":"JWT","alg":"HS256"}').toString('base64url');
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    const sig = createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url');
    assert.deepEqual(verifyJwt(`${header}.${payload}.${sig}`, SECRET, NOW), claims);
  });

  it('rejects an expired token', () => {
    const token = signJwt({ ...claims, exp: NOW }, SECRET);
    assert.equal(verifyJwt(token, SECRET, NOW), undefined);
    assert.equal(verifyJwt(token, SECRET, NOW + 1), undefined);
    assert.notEqual(verifyJwt(token, SECRET, NOW - 1), undefined);
  });

  it('rejects a token signed with another secret', () => {
    assert.equal(verifyJwt(signJwt(claims, 'other-secret'), SECRET, NOW), undefined);
  });

  it('rejects a tampered payload', () => {
    const [header, , signature] = signJwt(claims, SECRET).split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: '1' })).toString('base64url');
    assert.equal(verifyJwt(`${header}.${forged}.${signature}`, SECRET, NOW), undefined);
  });

  it('rejects a tampered or padded signature', () => {
    const token = signJwt(claims, SECRET);
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    assert.equal(verifyJwt(token.slice(0, -1) + last, SECRET, NOW), undefined);
    assert.equal(verifyJwt(`${token}!`, SECRET, NOW), undefined);
    assert.equal(verifyJwt(`${token}=`, SECRET, NOW), undefined);
  });

  it('rejects alg "none" and other algorithms even with a valid HMAC', () => {
    for (const alg of ['none', 'HS512']) {
      const header = Buffer.from(JSON.stringify({ alg, typ: 'JWT' })).toString('base64url');
      const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
      const sig = createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url');
      assert.equal(verifyJwt(`${header}.${payload}.${sig}`, SECRET, NOW), undefined, alg);
    }
  });

  it('rejects malformed tokens and tokens without the required claims', () => {
    for (const token of ['', 'abc', 'a.b', 'a.b.c.d', '...']) {
      assert.equal(verifyJwt(token, SECRET, NOW), undefined, token);
    }
    const { exp: _exp, ...withoutExp } = claims;
    const noExp = signJwt(withoutExp as typeof claims, SECRET);
    assert.equal(verifyJwt(noExp, SECRET, NOW), undefined);
  });
});
