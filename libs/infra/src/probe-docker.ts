import { connect, type Socket } from 'node:net';

/**
 * True when a Docker engine answers `GET /_ping` with 200 within 300 ms: on `DOCKER_HOST`
 * (`tcp://host:port` or `unix:///path`) or else `/var/run/docker.sock`. About 6 ms when absent.
 */
export function probeDocker(timeoutMs = 300): Promise<boolean> {
  const dockerHost = process.env.DOCKER_HOST ?? '';
  return new Promise((resolve) => {
    let socket: Socket;
    if (dockerHost.startsWith('tcp://')) {
      const url = new URL(dockerHost.replace(/^tcp:/, 'http:'));
      socket = connect({ host: url.hostname, port: Number(url.port || 2375) });
    } else {
      socket = connect({ path: dockerHost.startsWith('unix://') ? dockerHost.slice(7) : '/var/run/docker.sock' });
    }
    let answer = '';
    const finish = (ok: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write('GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n'));
    socket.on('data', (chunk: string) => {
      answer += chunk;
      if (answer.includes('\r\n')) finish(/^HTTP\/1\.[01] 200/.test(answer));
    });
    socket.on('error', () => finish(false));
    socket.on('close', () => finish(/^HTTP\/1\.[01] 200/.test(answer)));
  });
}
