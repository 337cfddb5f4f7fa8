import assert from 'node:assert/strict';
import { it } from 'vitest';
import { newSessionToken, sessionKey } from './session-token.js';

it('makes 43-character base64url tokens, different each time', () => {
  const a = newSessionToken();
  assert.match(a, /^[A-Za-z0-9_-]{43}$/);
  assert.notEqual(a, newSessionToken());
  assert.equal(sessionKey(a), `session:${a}`);
});
