import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toErrorView } from './cli/errors';
import { EXIT, type ExitCode } from './cli/exit-codes';
import { exitCodeOf, listenForInterrupt, receivedSignal } from './cli/interrupt';
import { colorEnabled, normalizeConfig, type Config, type ConfigContext } from './cli/normalize-config';
import type { Io, Log, Outcome } from './cli/outcome';
import { makePaint } from './cli/paint';
import { parseCommandLine } from './cli/parse-command-line';
import { errorLines, render } from './cli/render';
import { renderHelp } from './cli/render-help';

/**
 * The `lab` CLI as one pipeline: parse argv → normalise the configuration → run the command →
 * render its outcome → exit code. Nothing else in the lab reads argv, prints or picks exit codes.
 */
export async function main(argv: readonly string[], ctx: ConfigContext, io: Io): Promise<ExitCode> {
  // Errors before the configuration exists (bad flags) still honour NO_COLOR and LAB_DEBUG.
  const early = { paint: makePaint(colorEnabled(ctx)), debug: ctx.env.LAB_DEBUG === '1' };
  try {
    const config = normalizeConfig(parseCommandLine(argv), ctx);
    if (config.printConfig) {
      io.stdout(`${JSON.stringify(config, null, 2)}\n`);
      return EXIT.ok;
    }
    const outcome = await runCommand(config, (line) => io.stderr(`${line}\n`), io);
    render(outcome, { json: 'json' in config.command && config.command.json }, makePaint(config.color), io);
    // A command stopped by a signal reports 130; SIGTERM is told apart as 143, as a shell would.
    const signal = receivedSignal();
    return outcome.exitCode === EXIT.interrupted && signal ? exitCodeOf(signal) : outcome.exitCode;
  } catch (error) {
    const view = toErrorView(error);
    io.stderr(`${errorLines(view, early.paint).join('\n')}\n`);
    if (early.debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return view.exitCode;
  }
}

/** Runs the configured command. Commands load lazily: `list` never loads the service libraries. */
async function runCommand(config: Config, log: Log, io: Io): Promise<Outcome> {
  const { command, workspace } = config;
  switch (command.name) {
    case 'help':
      return { exitCode: EXIT.ok, text: () => renderHelp(command.topic) };
    case 'list':
      return (await import('./commands/list')).runList(workspace);
    case 'doctor':
      return (await import('./commands/doctor')).runDoctor(workspace);
    case 'up':
      await (await import('./launch/recover-leftovers')).recoverFromKilledLabs(log);
      return (await import('./commands/up')).runUp(workspace, command, log, listenForInterrupt());
    case 'verify':
      await (await import('./launch/recover-leftovers')).recoverFromKilledLabs(log);
      return (await import('./commands/verify')).runVerify(workspace, command, log, listenForInterrupt());
    case 'scenario':
      return (await import('./commands/scenario-build')).runScenarioBuild(workspace, command);
    case 'bench':
      if (!command.dryRun) await (await import('./launch/recover-leftovers')).recoverFromKilledLabs(log);
      return (await import('./commands/bench')).runBench(workspace, command, log, listenForInterrupt(), io.stderr);
    case 'publish':
      return (await import('./commands/publish')).runPublish(workspace, command, log, listenForInterrupt());
    case 'calibrate':
      return (await import('./commands/calibrate')).runCalibrate(command, log, listenForInterrupt());
    case 'report':
      return (await import('./commands/report')).runReportCommand(workspace, command);
    case 'docs':
      return (await import('./commands/docs')).runDocs(workspace, command);
    case 'warmup':
      return (await import('./commands/warmup')).runWarmup(workspace, command);
    case 'precision':
      return (await import('./commands/precision')).runPrecision(workspace, command);
  }
}

/** The checkout this file lives in (apps/lab/src/main.ts → the root): the default workspace. */
const homeWorkspace = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // bin/lab points tsx at this checkout's tsconfig; the implementations we start must not inherit that.
  if (process.env.TSX_TSCONFIG_PATH === resolve(homeWorkspace, 'tsconfig.base.json')) delete process.env.TSX_TSCONFIG_PATH;
  const io: Io = { stdout: (text) => void process.stdout.write(text), stderr: (text) => void process.stderr.write(text) };
  const code = await main(process.argv.slice(2), { env: process.env, stderrIsTTY: process.stderr.isTTY === true, homeWorkspace }, io);
  // Exit explicitly: a finished command may leave sockets (pools, keep-alive) open. Wait for stdout first.
  process.stdout.write('', () => process.exit(code));
}
