import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

/** What `node:http` passes to a `clientError` listener. */
export interface ClientError extends Error {
  code?: string;
  /** The bytes received when parsing failed. */
  rawPacket?: Buffer;
  /** Where in `rawPacket` parsing failed. */
  bytesParsed?: number;
}

/** The path of the request line that failed to parse, or undefined when it cannot be read. */
export function failedRequestPath(error: ClientError): string | undefined {
  if (!error.rawPacket) return undefined;
  const text = error.rawPacket.toString('latin1');
  const at = Math.min(error.bytesParsed ?? 0, text.length);
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\r\n', start);
  const target = text.slice(start, end === -1 ? undefined : end).split(' ')[1];
  return target?.startsWith('/') ? target.split('?')[0] : undefined;
}

/**
 * A `clientError` listener for the HTTP server: requests node:http's parser refuses never reach
 * Express. A method token the parser does not know (e.g. `FUZZ`; QUERY and the standard methods
 * parse) gets the answer of any other method its path does not serve — 405 with `Allow`
 * (`methodsOf(path)`) for a known path, else 404 — read from its request line; any other parse
 * error a JSON 400 (431 for oversized headers, 408 for a request too slow to arrive). The
 * connection is closed afterwards: the parser cannot resume.
 */
export function clientErrorListener(methodsOf: (path: string) => string[] | undefined): (error: ClientError, socket: Duplex) => void {
  return (error, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    let status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    let allow = '';
    const path = error.code === 'HPE_INVALID_METHOD' ? failedRequestPath(error) : undefined;
    if (path !== undefined) {
      const methods = methodsOf(path);
      status = methods ? 405 : 404;
      if (methods) allow = `Allow: ${methods.join(', ')}\r\n`;
    }
    const reason = STATUS_CODES[status] ?? 'Error';
    const body = JSON.stringify({ detail: reason });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `${allow}Connection: close\r\n\r\n${body}`,
    );
  };
}
