import type { ErrorView } from './errors';
import type { Io, Outcome } from './outcome';
import type { Paint } from './paint';

/** Prints an outcome: JSON on stdout in `--json` mode, else its lines on stderr; then its error, if any. */
export function render(outcome: Outcome, mode: { json: boolean }, paint: Paint, io: Io): void {
  if (mode.json && outcome.json !== undefined) io.stdout(`${JSON.stringify(outcome.json, null, 2)}\n`);
  else if (outcome.text) io.stderr(lines(outcome.text(paint)));
  if (outcome.error) io.stderr(lines(errorLines(outcome.error, paint)));
}

/** `error[CODE]: message`, its detail lines, then `hint: ...`. */
export function errorLines(error: ErrorView, paint: Paint): string[] {
  return [
    `${paint.red(paint.bold(`error[${error.code}]`))}: ${error.message}`,
    ...error.details,
    ...(error.hint ? [`${paint.bold('hint')}: ${error.hint}`] : []),
  ];
}

function lines(list: readonly string[]): string {
  return list.length ? `${list.join('\n')}\n` : '';
}
