/** A pending SIGINT/SIGTERM: `signal` resolves with its name when one arrives. */
export interface Interrupt {
  signal: Promise<NodeJS.Signals>;
  /** Stops listening (tests); the CLI keeps listening until it exits. */
  dispose(): void;
}

let firstSignal: NodeJS.Signals | undefined;

/** The first SIGINT or SIGTERM this process received while a command listened, if any. */
export function receivedSignal(): NodeJS.Signals | undefined {
  return firstSignal;
}

/** The exit code a signal stands for: 130 for SIGINT, 143 for SIGTERM (128 + its number). */
export function exitCodeOf(signal: NodeJS.Signals): 130 | 143 {
  return signal === 'SIGTERM' ? 143 : 130;
}

/**
 * Listens for Ctrl-C (SIGINT) and SIGTERM, so a command can stop its servers and report
 * (exit 130 after SIGINT, 143 after SIGTERM); a second signal exits at once. The CLI keeps this
 * listener until it exits: while it exists, `@lab/infra`'s cleanup handler stops its services but
 * does not re-raise the signal, which would kill the process before the CLI has reported.
 */
export function listenForInterrupt(onSecond: (signal: NodeJS.Signals) => void = (signal) => process.exit(exitCodeOf(signal))): Interrupt {
  let resolveSignal: (s: NodeJS.Signals) => void = () => undefined;
  const signal = new Promise<NodeJS.Signals>((resolve) => (resolveSignal = resolve));
  let count = 0;
  const handler = (name: NodeJS.Signals) => {
    count += 1;
    firstSignal ??= name;
    if (count === 1) resolveSignal(name);
    else onSecond(name);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal,
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
