import { createHmac, timingSafeEqual } from 'node:crypto';

/** Claims this service puts in (and requires from) its tokens. `exp` is epoch seconds. */
export interface JwtClaims {
  sub: string;
  email: string;
  exp: number;
  [claim: string]: unknown;
}

const HEADER_SEGMENT = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function signature(signingInput: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(signingInput).digest();
}

/** Signs `claims` as a compact HS256 JWT (`header.payload.signature`, base64url). */
export function signJwt(claims: JwtClaims, secret: string): string {
  const signingInput = `${HEADER_SEGMENT}.${base64url(JSON.stringify(claims))}`;
  return `${signingInput}.${signature(signingInput, secret).toString('base64url')}`;
}

/**
 * Verifies a compact HS256 JWT and returns its claims, or `undefined` when the token is
 * malformed, not HS256, wrongly signed, or expired (`exp` ≤ `nowSeconds`, default the clock).
 */
export function verifyJwt(token: string, secret: string, nowSeconds: number = Date.now() / 1000): JwtClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];

  // Compare the encoded text, not decoded bytes: Node's base64url decoder skips stray
  // characters, so decoding first would accept a signature with junk appended.
  const expected = Buffer.from(signature(`${headerPart}.${payloadPart}`, secret).toString('base64url'));
  const actual = Buffer.from(signaturePart);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return undefined;

  const header = parseSegment(headerPart);
  if (header?.['alg'] !== 'HS256') return undefined;
  const claims = parseSegment(payloadPart);
  if (!claims) return undefined;
  const { sub, email, exp } = claims;
  if (typeof sub !== 'string' || typeof email !== 'string' || typeof exp !== 'number') return undefined;
  if (exp <= nowSeconds) return undefined;
  return claims as JwtClaims;
}

function parseSegment(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
