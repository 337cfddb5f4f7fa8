import { COMMANDS, findCommand, GLOBAL_FLAGS, type CommandName, type FlagSpec } from './command-specs';
import { textTable } from './text-table';

/** Exit codes as `lab --help` and the README list them. */
const EXIT_CODE_LINES = [
  ['0', 'ok'],
  ['1', 'a check failed (verify found a conformance error, doctor a missing requirement)'],
  ['2', 'usage error: unknown command or flag, missing or bad value, unknown implementation/variant/group'],
  ['3', 'environment or setup error: invalid manifest, missing tool, a service or server that did not start'],
  ['4', 'bench: a scenario threshold was breached'],
  ['130', 'interrupted (Ctrl-C, SIGINT)'],
  ['143', 'stopped by SIGTERM (everything started is stopped first, as for Ctrl-C)'],
];

/** The help text of the program (no topic) or of one command. */
export function renderHelp(topic: CommandName | undefined): string[] {
  const command = topic ? findCommand(topic) : undefined;
  if (!command) return programHelp();
  return [
    `lab ${command.name} — ${command.summary}`,
    '',
    `Usage: ${command.usage}`,
    '',
    ...wrap(command.details),
    '',
    'Options:',
    ...flagLines({ ...command.flags, ...GLOBAL_FLAGS }),
    '',
    'Examples:',
    ...command.examples.map((e) => `  ${e}`),
  ];
}

function programHelp(): string[] {
  return [
    'lab — the Backend Benchmark Lab: one HTTP API, many frameworks, honest numbers',
    '',
    'Usage: lab <command> [options]        (npm run lab -- <command>, or apps/lab/bin/lab)',
    '',
    'Commands:',
    ...textTable(COMMANDS.map((c) => [c.name, c.summary])),
    '',
    'Options:',
    ...flagLines(GLOBAL_FLAGS),
    '',
    'Output: machine output (--json, --print-config) on stdout; progress, tables, help and errors on stderr.',
    'Colour only on a terminal and never with NO_COLOR. Errors print as error[CODE]: message, then hint: ...',
    'Environment: LAB_WORKSPACE (workspace), LAB_DEBUG=1 (stack traces), NO_COLOR.',
    '',
    'Exit codes:',
    ...textTable(EXIT_CODE_LINES),
    '',
    'Examples:',
    '  lab doctor',
    '  lab verify typescript-node-http --only basic',
    '',
    "lab <command> --help shows a command's options and defaults.",
  ];
}

function flagLines(flags: Record<string, FlagSpec>): string[] {
  return textTable(
    Object.entries(flags).map(([name, f]) => [
      `${f.short ? `-${f.short}, ` : '    '}--${name}${f.value ? ` ${f.value}` : ''}`,
      f.description + (f.default ? ` (default: ${f.default})` : ''),
    ]),
  );
}

function wrap(text: string, width = 92): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
