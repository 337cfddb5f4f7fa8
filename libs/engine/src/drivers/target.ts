import { EngineError, remoteTargetRefused } from '../errors';

const LOOPBACK = new Set(['127.0.0.1', '[::1]']);

/** Validates the base URL and returns its origin; refuses non-loopback hosts unless `allowRemote`. */
export function resolveTarget(baseUrl: string, allowRemote = false): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch (err) {
    throw new EngineError('LAB_BASE_URL_INVALID', `not a URL: ${baseUrl}`, { cause: err });
  }
  if (url.protocol !== 'http:') throw new EngineError('LAB_BASE_URL_INVALID', `only http:// is supported: ${baseUrl}`);
  if (!allowRemote && !LOOPBACK.has(url.hostname)) throw remoteTargetRefused(baseUrl);
  return url;
}
