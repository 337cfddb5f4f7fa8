import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The checkout these tests run in. */
export const REPO_ROOT = resolve(__dirname, '../../../..');
const MAIN = join(REPO_ROOT, 'apps/lab/src/main.ts');

/** A valid manifest for `language`, with `patch` merged over it. */
export function fixtureManifest(language: string, patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    language,
    languageVersion: `${language} 1`,
    framework: `${language}-fw`,
    frameworkVersion: '1.0',
    server: `${language}-server`,
    orm: 'raw SQL',
    serializer: 'JSON.stringify',
    description: `A ${language} fixture`,
    build: { command: 'true' },
    start: { command: 'node server.js' },
    test: { command: 'true' },
    pool: { env: 'DB_POOL_SIZE', default: 10 },
    workers: { env: 'WORKERS', default: 1 },
    concurrency: { model: 'event-loop' },
    toolchain: { versionCommand: 'node --version' },
    ...patch,
  };
}

/** A temporary lab workspace (nx.json, implementations/, scenarios/) that removes itself. */
export interface FixtureWorkspace {
  root: string;
  write(file: string, text: string): void;
  impl(id: string, manifest: unknown, files?: Record<string, string>): void;
  scenario(id: string): void;
  remove(): void;
}

/** Creates an empty fixture workspace in the system temp directory. */
export function createFixtureWorkspace(): FixtureWorkspace {
  const root = mkdtempSync(join(tmpdir(), 'lab-cli-'));
  const write = (file: string, text: string) => {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  };
  write('nx.json', '{}\n');
  return {
    root,
    write,
    impl: (id, manifest, files = {}) => {
      write(`implementations/${id}/lab.json`, typeof manifest === 'string' ? manifest : JSON.stringify(manifest, null, 2));
      for (const [name, text] of Object.entries(files)) write(`implementations/${id}/${name}`, text);
    },
    scenario: (id) => write(`scenarios/${id}/scenario.ts`, 'export {};\n'),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** What one CLI run printed and returned. */
export interface LabRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Environment for CLI runs: no colour settings or workspace leaking in from the caller. */
export function labEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['LAB_WORKSPACE', 'LAB_DEBUG', 'NO_COLOR', 'FORCE_COLOR']) delete env[key];
  // Fixture implementations are started as they are: no `nx run <impl>:build` first.
  return { ...env, LAB_NO_BUILD: '1', ...extra };
}

/** Runs `node --import tsx apps/lab/src/main.ts ...args` from the checkout root to its end. */
export async function runLab(args: readonly string[], env: Record<string, string> = {}): Promise<LabRun> {
  const child = startLab(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}

/** Starts the CLI without waiting (for `lab up`); the caller ends it. */
export function startLab(args: readonly string[], env: Record<string, string> = {}) {
  return spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: REPO_ROOT, env: labEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * A stand-in server for an implementation: answers `GET /health` as the contract says and 404
 * to everything else, on HOST:PORT from the environment.
 */
export const FAKE_SERVER_JS = `
const http = require('node:http');
const id = process.env.FAKE_ID || 'fake';
http.createServer((req, res) => {
  const ok = req.url === '/health';
  const body = JSON.stringify(ok ? { status: 'ok', server: id } : { detail: 'Not Found' });
  res.writeHead(ok ? 200 : 404, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}).listen(Number(process.env.PORT), process.env.HOST);
process.on('SIGTERM', () => process.exit(0));
`;

/** Pids of the processes whose working directory is inside `dir` (read from /proc). */
export function processesIn(dir: string): number[] {
  return readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      return readlinkSync(`/proc/${entry}/cwd`).startsWith(dir) ? [Number(entry)] : [];
    } catch {
      return [];
    }
  });
}
