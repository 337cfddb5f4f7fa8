import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnManaged } from './managed-process';
import { isAlive } from './process-control';
import { describeRecovered, processStartTicks, recoverLeftovers, runStateFile, trackDir, type RunState } from './run-state';

const MANAGED = join(__dirname, 'managed-process.ts');
const RUN_STATE = join(__dirname, 'run-state.ts');

/** A lab-like child: starts a managed process group (with a grandchild) and records a temp dir, prints what it made, then waits to be killed. */
const OWNER_SCRIPT = `
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
const { spawnManaged } = await import(${JSON.stringify(MANAGED)});
const { trackDir } = await import(${JSON.stringify(RUN_STATE)});
const proc = spawnManaged('sleep 300 & echo "child $!"; wait', { cwd: '/', name: 'sleeper' });
const dir = mkdtempSync(join(process.env.TMPDIR, 'lab-owned-'));
trackDir(dir, 'scratch dir');
const timer = setInterval(() => {
  const child = /child (\\d+)/.exec(proc.logTail());
  if (child) { clearInterval(timer); console.log(JSON.stringify({ leader: proc.pid, child: Number(child[1]), dir })); }
}, 20);
setInterval(() => undefined, 1000);
`;

describe('run state and recoverLeftovers', () => {
  let root: string;
  const saved = process.env.LAB_RUN_DIR;
  const savedTmp = process.env.TMPDIR;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'lab-run-state-'));
    process.env.LAB_RUN_DIR = join(root, 'run');
    // recoverLeftovers also sweeps the temp dir for generator files: only this test's.
    mkdirSync(join(root, 'tmp'));
    process.env.TMPDIR = join(root, 'tmp');
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.LAB_RUN_DIR;
    else process.env.LAB_RUN_DIR = saved;
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    rmSync(root, { recursive: true, force: true });
  });

  it('records a live process group and a dir while they exist, and removes the file when both are gone', async () => {
    const proc = spawnManaged('sleep 300', { cwd: '/', name: 'sleeper' });
    const untrack = trackDir('/nonexistent-lab-dir', 'scratch dir');
    const file = runStateFile();
    const state = JSON.parse(readFileSync(file, 'utf8')) as RunState;
    expect(state).toMatchObject({ pid: process.pid, startTicks: processStartTicks(process.pid) });
    expect(state.items).toEqual([
      { kind: 'process', what: 'sleeper', pid: proc.pid, startTicks: processStartTicks(proc.pid) },
      { kind: 'dir', what: 'scratch dir', path: '/nonexistent-lab-dir' },
    ]);
    untrack();
    await proc.stop(2000);
    for (let i = 0; i < 100 && existsSync(file); i++) await new Promise((r) => setTimeout(r, 20));
    expect(existsSync(file)).toBe(false);
  });

  it('after the owner is SIGKILLed, ends its process group and removes its dir, naming each', async () => {
    const owner = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', OWNER_SCRIPT], {
      env: { ...process.env, TMPDIR: root },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [line] = (await once(owner.stdout.setEncoding('utf8'), 'data')) as [string];
    const made = JSON.parse(line) as { leader: number; child: number; dir: string };
    expect([isAlive(made.leader), isAlive(made.child), existsSync(made.dir)]).toEqual([true, true, true]);
    owner.kill('SIGKILL');
    await once(owner, 'exit');
    expect(isAlive(made.child)).toBe(true); // SIGKILL ran no cleanup: the orphans are still there

    const recovered = await recoverLeftovers();
    expect(recovered.map((r) => [r.owner, r.action, r.item.what])).toEqual([
      [owner.pid, 'killed', 'sleeper'],
      [owner.pid, 'removed', 'scratch dir'],
    ]);
    expect(describeRecovered(recovered[0]!)).toContain(`ended sleeper (process group ${made.leader}), left by lab process ${owner.pid}`);
    expect([isAlive(made.leader), isAlive(made.child), existsSync(made.dir)]).toEqual([false, false, false]);
    expect(readdirSync(process.env.LAB_RUN_DIR!)).toEqual([]);
    expect(await recoverLeftovers()).toEqual([]);
  });

  it('never signals a pid that now names another process, nor the processes of a live owner', async () => {
    const bystander = spawn('sleep', ['300'], { detached: true, stdio: 'ignore' });
    const gone = spawn('true');
    await once(gone, 'exit');
    const dir = process.env.LAB_RUN_DIR!;
    mkdirSync(dir, { recursive: true });
    const write = (pid: number, startTicks: number) =>
      writeFileSync(
        join(dir, `${pid}.json`),
        JSON.stringify({
          pid,
          startTicks,
          command: 'lab up',
          items: [{ kind: 'process', what: 'server', pid: bystander.pid!, startTicks: processStartTicks(bystander.pid!)! - 1 }],
        }),
      );
    write(gone.pid!, 1); // a dead owner, but the recorded process started at another time: a reused pid
    write(process.pid, processStartTicks(process.pid)!); // a live owner
    try {
      expect(await recoverLeftovers()).toEqual([]);
      expect(isAlive(bystander.pid!)).toBe(true);
      expect(readdirSync(dir)).toEqual([`${process.pid}.json`]);
    } finally {
      bystander.kill('SIGKILL');
      rmSync(join(dir, `${process.pid}.json`), { force: true });
    }
  });

  it("removes the load generators' scratch dirs of dead lab processes, never a live one's", async () => {
    const gone = spawn('true');
    await once(gone, 'exit');
    const tmp = process.env.TMPDIR!;
    const dead = join(tmp, `lab-loadgen-${gone.pid}-abc123`);
    const live = join(tmp, `lab-wrk-${process.pid}-def456`);
    for (const d of [dead, live]) mkdirSync(d);
    writeFileSync(join(dead, 'plan.json'), '{}');
    const recovered = await recoverLeftovers();
    expect(recovered.map(describeRecovered)).toEqual([`removed loadgen files ${dead}, left by lab process ${gone.pid} (a lab process)`]);
    expect([existsSync(dead), existsSync(live)]).toEqual([false, true]);
    rmSync(live, { recursive: true });
  });
});
