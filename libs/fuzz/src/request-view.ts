import type { Expectation, FuzzRequest } from './fuzz-request';

/** How many body bytes a failure keeps (the rest is counted in `bodyBytes`). */
export const BODY_KEEP_BYTES = 2048;

/** A request as a failure reports it: JSON-friendly, the body as text or base64 (first 2 kB). */
export interface FuzzRequestView {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** The (kept part of the) body when it is UTF-8. */
  body?: string;
  /** The (kept part of the) body, base64, when it is not UTF-8. */
  bodyBase64?: string;
  /** The body's full length in bytes (0 without a body). */
  bodyBytes: number;
  endpoint: string | null;
  template: string;
  expect: Expectation;
  label: string;
  regression: boolean;
}

/** The view of `request` kept in a failure. */
export function viewOf(request: FuzzRequest): FuzzRequestView {
  const bytes = request.body ?? new Uint8Array(0);
  const kept = Buffer.from(bytes.subarray(0, BODY_KEEP_BYTES));
  let text: string | undefined;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(kept);
  } catch {
    text = undefined;
  }
  return {
    method: request.method,
    path: request.path,
    headers: request.headers,
    ...(bytes.length === 0 ? {} : text !== undefined ? { body: text } : { bodyBase64: kept.toString('base64') }),
    bodyBytes: bytes.length,
    endpoint: request.endpoint,
    template: request.template,
    expect: request.expect,
    label: request.label,
    regression: request.regression === true,
  };
}

/** Bytes as a bash ANSI-C string (`$'…'`): printable ASCII as is, everything else escaped. */
function ansiC(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    if (b === 0x27) out += "\\'";
    else if (b === 0x5c) out += '\\\\';
    else if (b === 0x0a) out += '\\n';
    else if (b === 0x0d) out += '\\r';
    else if (b === 0x09) out += '\\t';
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return `$'${out}'`;
}

const quote = (s: string) => (/^[\w./:?=&%@+,-]*$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);

/**
 * The request as a curl command line against `baseUrl` (bash quoting). A body longer than
 * `maxBody` bytes is cut and followed by `…(<n> bytes)`: the line then shows the request but does
 * not replay it.
 */
export function curlCommand(baseUrl: string, view: FuzzRequestView, maxBody = 160): string {
  const parts = ['curl', '-sS', '-i', '-X', view.method, quote(`${baseUrl}${view.path}`)];
  for (const [k, v] of Object.entries(view.headers)) parts.push('-H', quote(`${k}: ${v}`));
  if (view.bodyBytes > 0) {
    const bytes = view.body !== undefined ? Buffer.from(view.body, 'utf8') : Buffer.from(view.bodyBase64 ?? '', 'base64');
    const cut = bytes.subarray(0, maxBody);
    parts.push('--data-binary', ansiC(cut));
    if (view.bodyBytes > cut.length) parts.push(`…(${view.bodyBytes} bytes)`);
  }
  return parts.join(' ');
}
