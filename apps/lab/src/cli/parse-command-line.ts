import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from './errors';
import { COMMANDS, findCommand, GLOBAL_FLAGS, type CommandSpec, type FlagSpec } from './command-specs';

/** The raw command line, split but not yet checked for meaning (see `normalizeConfig`). */
export interface Invocation {
  /** Undefined for bare `lab` or `lab --help`. */
  command: CommandSpec | undefined;
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/**
 * Splits argv (without `node` and the script) into a command, its flags and positionals.
 * Throws a usage error (exit 2) for an unknown command, an unknown flag or a missing value.
 */
export function parseCommandLine(argv: readonly string[]): Invocation {
  const name = findCommandName(argv);
  const command = name === undefined ? undefined : findCommand(name);
  if (name !== undefined && !command) {
    throw usageError('LAB_USAGE_UNKNOWN_COMMAND', `unknown command "${name}"`, `the commands are: ${COMMANDS.map((c) => c.name).join(', ')} (lab --help)`);
  }
  const flags = { ...command?.flags, ...GLOBAL_FLAGS };
  const args = name === undefined ? [...argv] : withoutFirst(argv, name);
  try {
    const { values, positionals } = parseArgs({ args, options: toParseArgsOptions(flags), allowPositionals: true, strict: true });
    return { command, values: values as Invocation['values'], positionals };
  } catch (error) {
    throw fromParseArgsError(error, command, flags);
  }
}

/** The first positional, reading only the global flags (which may come before the command). */
function findCommandName(argv: readonly string[]): string | undefined {
  const { tokens } = parseArgs({ args: [...argv], options: toParseArgsOptions(GLOBAL_FLAGS), allowPositionals: true, strict: false, tokens: true });
  const first = tokens.find((t) => t.kind === 'positional');
  return first?.kind === 'positional' ? first.value : undefined;
}

function withoutFirst(argv: readonly string[], name: string): string[] {
  const copy = [...argv];
  copy.splice(copy.indexOf(name), 1);
  return copy;
}

function toParseArgsOptions(flags: Record<string, FlagSpec>): NonNullable<ParseArgsConfig['options']> {
  return Object.fromEntries(
    Object.entries(flags).map(([name, f]) => [name, { type: f.type, ...(f.short ? { short: f.short } : {}), ...(f.multiple ? { multiple: true } : {}) }]),
  );
}

/** node:util's parse errors as the CLI's usage errors, with the flags that do exist as the hint. */
function fromParseArgsError(error: unknown, command: CommandSpec | undefined, flags: Record<string, FlagSpec>) {
  const e = error as { code?: string; message?: string };
  const where = command ? `lab ${command.name}` : 'lab';
  const known = Object.entries(flags)
    .map(([name, f]) => `--${name}${f.value ? ` ${f.value}` : ''}`)
    .join(', ');
  const quoted = /'([^']+)'/.exec(e.message ?? '')?.[1] ?? '';
  const flag = quoted.split(' ')[0] ?? quoted;
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return usageError('LAB_USAGE_UNKNOWN_FLAG', `unknown flag "${flag}" for ${where}`, `${where} accepts: ${known} (${where} --help)`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/does not take an argument/.test(e.message ?? '')) {
        return usageError('LAB_USAGE_BAD_VALUE', `flag "${flag}" takes no value`, `write ${flag} alone (${where} --help)`);
      }
      return usageError('LAB_USAGE_MISSING_VALUE', `flag "${flag}" needs a value`, `write ${flag} <value> or ${flag}=<value> (${where} --help)`);
    default:
      return usageError('LAB_USAGE_BAD_ARGUMENTS', e.message ?? String(error), `${where} --help`);
  }
}
