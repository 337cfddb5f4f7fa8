import { createServer } from 'node:net';
import { InfraError } from './errors';

/**
 * A TCP port on 127.0.0.1 that was free a moment ago: binds port 0, reads the port, closes.
 * Another process may still take it before the caller binds, so callers retry on a collision.
 */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (error) => reject(new InfraError('LAB_PORT_UNAVAILABLE', `cannot bind ${host}:0: ${error.message}`, { cause: error })));
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
