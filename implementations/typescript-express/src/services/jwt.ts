import { SignJWT, jwtVerify } from 'jose';

/** Lifetime of a JWT and of a session, in seconds. */
export const TOKEN_TTL_SECONDS = 1800;

/** Claims of the lab's access token. */
export interface AccessClaims {
  /** The user id as a string. */
  sub: string;
  /** The user's email. */
  email: string;
  /** Expiry, integer seconds since the epoch (now + 1800). */
  exp: number;
}

/** The HMAC key of `secret` (encode once per process). */
export function jwtKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** Signs `{sub, email, exp}` with HS256; `nowSeconds` is injectable for tests. */
export function signAccessToken(key: Uint8Array, userId: number, email: string, nowSeconds = Math.floor(Date.now() / 1000)): Promise<string> {
  return new SignJWT({ email })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(String(userId))
    .setExpirationTime(nowSeconds + TOKEN_TTL_SECONDS)
    .sign(key);
}

/** Verifies signature (HS256 only) and expiry; resolves the user id, or null for any invalid token. */
export async function verifyAccessToken(key: Uint8Array, token: string): Promise<number | null> {
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'] });
    const id = Number(payload.sub);
    return Number.isInteger(id) ? id : null;
  } catch {
    return null;
  }
}
