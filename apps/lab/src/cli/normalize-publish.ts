import { validitySchema, type Verdict } from '@lab/results';
import { PRESETS, type Preset } from '@lab/runner';
import { usageError } from './errors';
import { flagList, flagText } from './flags';
import type { Invocation } from './parse-command-line';

/** The preset `lab publish` measures with unless `--preset` names another. */
export const PUBLISH_DEFAULT_PRESET: Preset = 'publish';

/**
 * `lab publish`: the cells to publish and how. Only what a pair task's Nx hash covers may be
 * chosen (the preset and the profile, as LAB_PRESET and LAB_PROFILE), so a published result
 * stands for exactly the inputs of its hash.
 */
export interface PublishConfig {
  name: 'publish';
  /** Implementation ids or `all`; default all. */
  impls: string[];
  /** Scenario ids, category names or `all`; default all. */
  scenarios: string[];
  /** Default `publish`. */
  preset: Preset;
  /** Resource profile; default LAB_PROFILE, else by core count. */
  profile: string | undefined;
  dryRun: boolean;
  json: boolean;
  /** `--skip-report`: do not regenerate docs/benchmark-results.md and the rest afterwards. */
  skipReport: boolean;
  /** `--remeasure`: published verdicts measured again (default `noisy`; `none`: none). */
  remeasure: Verdict[];
}

/** Reads the publish flags; a bad value is a usage error (exit 2). */
export function publishConfig(inv: Invocation): PublishConfig {
  const v = inv.values;
  const preset = flagText(v.preset) ?? PUBLISH_DEFAULT_PRESET;
  if (!(PRESETS as readonly string[]).includes(preset)) {
    throw usageError(
      'LAB_USAGE_BAD_VALUE',
      `--preset must be one of ${PRESETS.join(', ')}, got "${preset}"`,
      'publish (the default) is what the committed results are measured with',
    );
  }
  const all = (items: string[]) => (items.length === 0 ? ['all'] : items);
  return {
    name: 'publish',
    impls: all(flagList(v.impl)),
    scenarios: all(flagList(v.scenario)),
    preset: preset as Preset,
    profile: flagText(v.profile),
    dryRun: v['dry-run'] === true,
    json: v.json === true,
    skipReport: v['skip-report'] === true,
    remeasure: remeasureOf(flagList(v.remeasure)),
  };
}

function remeasureOf(given: string[]): Verdict[] {
  if (given.length === 0) return ['noisy'];
  if (given.length === 1 && given[0] === 'none') return [];
  const verdicts: readonly string[] = validitySchema.shape.verdict.options;
  const bad = given.filter((v) => !verdicts.includes(v) || v === 'valid');
  if (bad.length > 0) {
    throw usageError(
      'LAB_USAGE_BAD_VALUE',
      `--remeasure takes verdicts other than valid, got "${bad.join(', ')}"`,
      `one or more of ${verdicts.filter((v) => v !== 'valid').join(', ')}, or none`,
    );
  }
  return given as Verdict[];
}
