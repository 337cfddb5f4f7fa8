/** One flag of a command, as `--help` shows it and `parseArgs` reads it. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Placeholder in help, e.g. `<id>`. */
  value?: string;
  description: string;
  /** The default, as help shows it. */
  default?: string;
}

/** A command: its flags, positional arguments and help text. */
export interface CommandSpec {
  name: CommandName;
  summary: string;
  usage: string;
  /** Paragraph under the usage line. */
  details: string;
  flags: Record<string, FlagSpec>;
  /** Most positional arguments it takes. */
  maxPositionals: number;
  examples: string[];
}

/** The commands `lab` knows today. */
export type CommandName = 'list' | 'doctor' | 'up' | 'verify';

const json: FlagSpec = { type: 'boolean', description: 'print machine-readable JSON on stdout', default: 'off' };
const variant: FlagSpec = {
  type: 'string',
  value: '<id>',
  description: "run a variant from the manifest's \"variants\" (its env is applied last)",
  default: 'none: the manifest as is',
};

/** Flags every command accepts. */
export const GLOBAL_FLAGS: Record<string, FlagSpec> = {
  workspace: { type: 'string', value: '<dir>', description: 'the lab workspace to use', default: '$LAB_WORKSPACE, else this checkout' },
  'print-config': { type: 'boolean', description: 'print the resolved configuration as JSON on stdout and exit', default: 'off' },
  help: { type: 'boolean', short: 'h', description: 'show help' },
};

/** Every command, in the order `lab --help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'list',
    summary: 'list implementations (language, framework, server, ORM, variants) and scenarios',
    usage: 'lab list [--json]',
    details: 'Reads implementations/*/lab.json and scenarios/*/scenario.ts. Invalid manifests are reported (exit 3) after the valid ones.',
    flags: { json },
    maxPositionals: 0,
    examples: ['lab list', 'lab list --json | jq -r ".implementations[].id"'],
  },
  {
    name: 'doctor',
    summary: 'check this machine for everything the lab needs, with a fix for each gap',
    usage: 'lab doctor [--json]',
    details:
      'Checks Node, node_modules, PostgreSQL (+ pg_stat_statements), Redis, wrk, the manifests and the toolchains of the implementations present; reports Docker, cgroups and the cache directories. Exit 0 when everything required is present, else 1.',
    flags: { json },
    maxPositionals: 0,
    examples: ['lab doctor', 'lab doctor --json | jq ".checks[] | select(.status != \\"ok\\")"'],
  },
  {
    name: 'up',
    summary: 'start PostgreSQL, Redis, the upstream stub and one implementation until Ctrl-C',
    usage: 'lab up <impl> [--variant <id>] [--port <n>]',
    details:
      'For development: starts the services on free loopback ports, then the implementation with its manifest start command, waits for its readiness probe and prints its URL. Ctrl-C stops everything.',
    flags: {
      variant,
      port: { type: 'string', value: '<n>', description: 'port of the implementation (1-65535)', default: 'a free port' },
    },
    maxPositionals: 1,
    examples: ['lab up typescript-node-http', 'lab up typescript-node-http --variant cluster-2 --port 8000'],
  },
  {
    name: 'verify',
    summary: 'check implementations against the contract (conformance) on a live instance',
    usage: 'lab verify <impl> | --all [--variant <id>] [--only <group,...>] [--json]',
    details:
      'Starts the services and the implementation, runs the conformance checks, stops everything. Exit 0 when no error-severity problem was found, 1 otherwise. With --json, stdout is the ConformanceReport (an array of {impl, variant, report} with --all).',
    flags: {
      all: { type: 'boolean', description: 'verify every implementation, one after another', default: 'off' },
      variant,
      only: {
        type: 'string',
        value: '<group,...>',
        description: 'run only the checks of these endpoint groups (or endpoint ids), comma-separated',
        default: 'every group',
      },
      json,
    },
    maxPositionals: 1,
    examples: ['lab verify typescript-node-http', 'lab verify --all --only basic,pagination', 'lab verify python-fastapi --json > report.json'],
  },
];

/** The spec of a command name, if it is one. */
export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}
