import type { Progress } from '@lab/engine';

/** The steps of a cell, in order; `run` is set for the per-run ones (`database`: a fresh clone of the seeded database). */
export type CellPhase = 'lock' | 'infra' | 'database' | 'server' | 'gate' | 'quiet' | 'warmup' | 'measure' | 'stop' | 'write';

/** What `runCell` reports as it goes (libraries never print: the CLI renders these). */
export type CellEvent =
  | { type: 'phase'; phase: CellPhase; run?: number; detail?: string }
  | { type: 'progress'; run: number; progress: Progress }
  | {
      type: 'run';
      run: number;
      /** The run's figure: its rate, a sweep's capacity (0 when no step met the SLO). */
      ratePerSec: number;
      /** The cell's interval so far (a t interval on the logs of the runs' figures, from the minimum run count on). */
      ci?: { estimate: number; low: number; high: number };
      /** Whether the precision target is met (repetition stops). */
      precise: boolean;
      /** Upper bound of runs still to come, for an ETA. */
      remainingMax: number;
    }
  | { type: 'log'; source: 'infra' | 'server'; line: string };

/** Receives {@link CellEvent}s. */
export type CellEventHandler = (event: CellEvent) => void;
