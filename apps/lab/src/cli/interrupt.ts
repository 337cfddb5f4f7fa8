/** A pending SIGINT/SIGTERM: `signal` resolves with its name when one arrives. */
export interface Interrupt {
  signal: Promise<NodeJS.Signals>;
  /** Stops listening (tests); the CLI keeps listening until it exits. */
  dispose(): void;
}

/**
 * Listens for Ctrl-C (SIGINT) and SIGTERM, so a command can stop its servers and report
 * (exit 130); a second signal exits at once. The CLI keeps this listener until it exits:
 * while it exists, `@lab/infra`'s cleanup handler stops its services but does not re-raise
 * the signal, which would kill the process before the CLI has reported.
 */
export function listenForInterrupt(onSecond: () => void = () => process.exit(130)): Interrupt {
  let resolveSignal: (s: NodeJS.Signals) => void = () => undefined;
  const signal = new Promise<NodeJS.Signals>((resolve) => (resolveSignal = resolve));
  let count = 0;
  const handler = (name: NodeJS.Signals) => {
    count += 1;
    if (count === 1) resolveSignal(name);
    else onSecond();
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
