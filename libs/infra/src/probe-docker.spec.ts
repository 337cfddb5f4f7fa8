import { afterEach, describe, expect, it } from 'vitest';
import { findFreePort } from './free-port';
import { probeDocker } from './probe-docker';

const saved = process.env.DOCKER_HOST;
afterEach(() => {
  if (saved === undefined) delete process.env.DOCKER_HOST;
  else process.env.DOCKER_HOST = saved;
});

describe('probeDocker', () => {
  it('answers false when nothing listens on DOCKER_HOST', async () => {
    process.env.DOCKER_HOST = `tcp://127.0.0.1:${await findFreePort()}`;
    expect(await probeDocker()).toBe(false);
  });

  it('answers false for a missing socket', async () => {
    process.env.DOCKER_HOST = 'unix:///nonexistent/docker.sock';
    expect(await probeDocker()).toBe(false);
  });
});
