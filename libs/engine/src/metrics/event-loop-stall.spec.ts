import { describe, expect, it } from 'vitest';
import { watchEventLoop } from './event-loop-stall';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function blockFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('watchEventLoop', () => {
  it('reports a loop blocked for 150 ms as a stall of at least that long', async () => {
    const watch = watchEventLoop();
    await sleep(50);
    blockFor(150);
    await sleep(50);
    expect(watch.stop()).toBeGreaterThanOrEqual(140);
  });

  it('reports 0 when it saw no timer fire', () => {
    expect(watchEventLoop().stop()).toBe(0);
  });
});
