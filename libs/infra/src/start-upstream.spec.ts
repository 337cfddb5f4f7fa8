import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitOf, isAlive } from './process-control';
import { readUpstreamHits, startUpstream, type UpstreamServer } from './start-upstream';

let upstream: UpstreamServer;
const wrapped: string[][] = [];
beforeAll(async () => {
  upstream = await startUpstream({
    delayMs: 60,
    wrap: (argv) => {
      wrapped.push(argv);
      return argv;
    },
  });
});
afterAll(() => upstream?.stop());

describe('startUpstream', () => {
  it('answers /delay after at least delayMs, with Content-Length', async () => {
    const startedMs = performance.now();
    const response = await fetch(`${upstream.url}/delay`);
    const body = await response.text();
    expect(performance.now() - startedMs).toBeGreaterThanOrEqual(upstream.delayMs - 1);
    expect(response.status).toBe(200);
    expect(JSON.parse(body)).toEqual({ message: 'External API response' });
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
  });

  it('lets ?ms= override the delay', async () => {
    const startedMs = performance.now();
    await (await fetch(`${upstream.url}/delay?ms=150`)).text();
    expect(performance.now() - startedMs).toBeGreaterThanOrEqual(149);
  });

  it('answers 404 elsewhere', async () => {
    const response = await fetch(`${upstream.url}/other`);
    expect(response.status).toBe(404);
    await response.text();
  });

  it('counts the /delay requests it receives, readable over HTTP', async () => {
    const before = await upstream.hits();
    await Promise.all([1, 2, 3].map(async () => (await fetch(`${upstream.url}/delay?ms=0`)).text()));
    await (await fetch(`${upstream.url}/other`)).text();
    expect(await upstream.hits()).toBe(before + 3);
    expect(await readUpstreamHits(`${upstream.url}/`)).toBe(before + 3);
  });

  it('runs in a process of its own, through the wrap', () => {
    expect(upstream.pid).toBeGreaterThan(1);
    expect(upstream.pid).not.toBe(process.pid);
    expect(isAlive(upstream.pid)).toBe(true);
    expect(wrapped).toHaveLength(1);
    expect(wrapped[0]!.slice(0, 2)).toEqual(['sh', '-c']);
  });

  it('is gone after stop()', async () => {
    const other = await startUpstream({ delayMs: 5 });
    expect(other.pid).not.toBe(upstream.pid);
    await other.stop();
    expect(isAlive(other.pid)).toBe(false);
    await expect(fetch(`${other.url}/delay`)).rejects.toThrow();
  });

  it('exits on its own when the process that started it is killed', async () => {
    const module = fileURLToPath(new URL('./start-upstream.ts', import.meta.url));
    const script = `const { startUpstream } = await import(${JSON.stringify(module)}); const u = await startUpstream(); process.stdout.write(String(u.pid) + '\\n'); setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = exitOf(parent);
    // The whole first line: a pipe may hand the pid over in more than one chunk.
    const pid = await new Promise<number>((resolve) => {
      let text = '';
      parent.stdout.on('data', (chunk: Buffer) => {
        text += String(chunk);
        // The pid is the line the script writes (plain text: console.log would colour a number under FORCE_COLOR).
        const line = text.split('\n').find((l) => /^\d+$/.test(l.trim()));
        if (line) resolve(Number(line.trim()));
        else if (text.split('\n').length > 20) resolve(Number.NaN);
      });
    });
    expect(Number.isInteger(pid) && pid > 0, `no pid line in the script's output`).toBe(true);
    expect(isAlive(pid)).toBe(true);
    parent.kill('SIGKILL');
    await exited;
    for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(isAlive(pid)).toBe(false);
  });
});
