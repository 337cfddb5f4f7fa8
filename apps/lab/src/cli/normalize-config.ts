import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CliError, usageError } from './errors';
import { EXIT } from './exit-codes';
import { COMMANDS, type CommandName } from './command-specs';
import type { ConfigContext } from './config-context';
import { benchConfig, type BenchConfig } from './normalize-bench';
import type { DocsConfig } from '../commands/docs';
import type { ReportConfig } from '../commands/report';
import { flagList, flagText } from './flags';
import { calibrateConfig, type CalibrateConfig } from './normalize-calibrate';
import { publishConfig, type PublishConfig } from './normalize-publish';
import { warmupConfig, type WarmupConfig } from './normalize-warmup';
import { precisionConfig, type PrecisionConfig } from './normalize-precision';
import type { Invocation } from './parse-command-line';
import type { ScenarioBuildConfig } from '../commands/scenario-build';
import { verifyFuzzFlags, type VerifyFuzzFlags } from '../commands/verify-fuzz-flags';

/** What the chosen command was asked to do, with every default applied. */
export type { ConfigContext } from './config-context';

export type CommandConfig =
  | { name: 'help'; topic: CommandName | undefined }
  | { name: 'list'; json: boolean }
  | { name: 'doctor'; json: boolean }
  /** `port` 0 means a free port. */
  | { name: 'up'; impl: string; variant: string | undefined; port: number }
  /** `impl` undefined means `--all`; `only` empty means every group. */
  | { name: 'verify'; impl: string | undefined; variant: string | undefined; only: string[]; json: boolean; writeFacts: boolean; fuzz?: VerifyFuzzFlags }
  | ScenarioBuildConfig
  | BenchConfig
  | PublishConfig
  | CalibrateConfig
  | ReportConfig
  | DocsConfig
  | WarmupConfig
  | PrecisionConfig;

/** The resolved configuration of one run (`--print-config` prints it). */
export interface Config {
  /** Absolute path of the lab workspace (holds nx.json, implementations/, scenarios/). */
  workspace: string;
  /** Colour on stderr: only on a TTY, never with NO_COLOR or TERM=dumb. */
  color: boolean;
  /** LAB_DEBUG=1: print stack traces of unexpected errors. */
  debug: boolean;
  printConfig: boolean;
  command: CommandConfig;
}

/**
 * Turns the parsed command line into a `Config`. Precedence, in one place:
 * defaults < environment (`LAB_WORKSPACE`, `LAB_DEBUG`, `NO_COLOR`) < flags.
 */
export function normalizeConfig(inv: Invocation, ctx: ConfigContext): Config {
  const { env } = ctx;
  const color = colorEnabled(ctx);
  const debug = env.LAB_DEBUG === '1';
  const printConfig = inv.values['print-config'] === true;
  const base = { color, debug, printConfig };
  if (inv.values.help === true) return { ...base, workspace: ctx.homeWorkspace, command: { name: 'help', topic: inv.command?.name } };
  if (!inv.command) {
    throw usageError('LAB_USAGE_BAD_ARGUMENTS', 'no command given', `run one of: ${COMMANDS.map((c) => c.name).join(', ')} (lab --help)`);
  }
  if (inv.positionals.length > inv.command.maxPositionals) {
    const extra = inv.positionals.slice(inv.command.maxPositionals).join(' ');
    throw usageError('LAB_USAGE_BAD_ARGUMENTS', `unexpected argument "${extra}"`, `usage: ${inv.command.usage}`);
  }
  const workspace = resolveWorkspace(inv, ctx);
  const command =
    inv.command.name === 'bench'
      ? benchConfig(inv, ctx)
      : inv.command.name === 'publish'
        ? publishConfig(inv)
        : inv.command.name === 'calibrate'
          ? calibrateConfig(inv)
          : inv.command.name === 'warmup'
            ? warmupConfig(inv)
            : inv.command.name === 'precision'
              ? precisionConfig(inv)
              : commandConfig(inv);
  return { ...base, workspace, command };
}

/** Colour on stderr: only on a TTY, never with NO_COLOR (any non-empty value) or TERM=dumb. */
export function colorEnabled(ctx: Pick<ConfigContext, 'env' | 'stderrIsTTY'>): boolean {
  return ctx.stderrIsTTY && !ctx.env.NO_COLOR && ctx.env.TERM !== 'dumb';
}

function commandConfig(inv: Invocation): CommandConfig {
  const v = inv.values;
  const json = v.json === true;
  const variant = typeof v.variant === 'string' ? v.variant : undefined;
  const impl = inv.positionals[0];
  switch (inv.command?.name) {
    case 'list':
    case 'doctor':
      return { name: inv.command.name, json };
    case 'up':
      if (impl === undefined) {
        throw usageError('LAB_USAGE_BAD_ARGUMENTS', 'lab up needs an implementation', 'usage: lab up <impl>; lab list shows the implementations');
      }
      return { name: 'up', impl, variant, port: parsePort(v.port) };
    case 'verify':
      if ((impl === undefined) === (v.all !== true)) {
        throw usageError('LAB_USAGE_BAD_ARGUMENTS', 'lab verify needs one implementation or --all', 'usage: lab verify <impl> | --all');
      }
      if (v['write-facts'] === true && (variant !== undefined || v.only !== undefined)) {
        throw usageError(
          'LAB_USAGE_BAD_ARGUMENTS',
          `--write-facts records the defaults on every check: not with ${variant !== undefined ? '--variant' : '--only'}`,
          'usage: lab verify <impl> | --all --write-facts',
        );
      }
      return { name: 'verify', impl, variant, only: parseList(v.only), json, writeFacts: v['write-facts'] === true, ...verifyFuzzFlags(v) };
    case 'scenario': {
      const [action, id] = inv.positionals;
      if (action !== 'build' || id === undefined) {
        throw usageError(
          'LAB_USAGE_BAD_ARGUMENTS',
          action === 'build' ? 'lab scenario build needs a scenario id' : `lab scenario has one action, build; got "${action ?? ''}"`,
          'usage: lab scenario build <id>; lab list shows the scenarios',
        );
      }
      return { name: 'scenario', action, id, out: flagText(v.out), json };
    }
    case 'report':
      return {
        name: 'report',
        scope: flagText(v.scope) ?? 'workspace',
        results: flagList(v.results),
        out: flagText(v.out),
        discoveries: flagText(v.discoveries),
        readme: flagText(v.readme),
        scenariosJson: flagText(v['scenarios-json']),
        json,
      };
    case 'docs':
      return { name: 'docs', check: v.check === true, json };
    default:
      throw new Error(`no configuration for command ${String(inv.command?.name)}`);
  }
}

function parsePort(raw: Invocation['values'][string]): number {
  if (raw === undefined) return 0;
  const port = Number(raw);
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || port < 1 || port > 65535) {
    throw usageError(
      'LAB_USAGE_BAD_VALUE',
      `--port must be a port number, got "${String(raw)}"`,
      'give an integer from 1 to 65535, or leave it out for a free port',
    );
  }
  return port;
}

function parseList(raw: Invocation['values'][string]): string[] {
  if (typeof raw !== 'string') return [];
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** `--workspace` > `LAB_WORKSPACE` > the CLI's own checkout; it must hold an nx.json. */
function resolveWorkspace(inv: Invocation, ctx: ConfigContext): string {
  const flag = typeof inv.values.workspace === 'string' ? inv.values.workspace : undefined;
  const fromEnv = ctx.env.LAB_WORKSPACE || undefined;
  const dir = resolve(flag ?? fromEnv ?? ctx.homeWorkspace);
  if (!existsSync(join(dir, 'nx.json'))) {
    const source = flag !== undefined ? '--workspace' : fromEnv !== undefined ? 'LAB_WORKSPACE' : 'the CLI location';
    throw new CliError(
      'LAB_WORKSPACE_NOT_FOUND',
      `${dir} (from ${source}) is not a lab workspace: it has no nx.json`,
      'point --workspace or LAB_WORKSPACE at the checkout root, or unset them',
      flag !== undefined ? EXIT.usage : EXIT.setup,
    );
  }
  return dir;
}
