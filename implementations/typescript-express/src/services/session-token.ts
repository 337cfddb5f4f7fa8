import { randomBytes } from 'node:crypto';

/** A new session token: 32 random bytes, base64url without padding (43 characters). */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The Redis key of a session token. */
export const sessionKey = (token: string): string => `session:${token}`;
