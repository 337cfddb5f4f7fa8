import { SCENARIO_CATEGORIES, type ScenarioCategory } from '@lab/contract';
import type { ImplEntry, LoadedManifests } from '@lab/manifest';
import { usageError } from '../cli/errors';
import { requireImpl } from './select-impl';

/** The word that selects every implementation or every scenario. */
export const ALL = 'all';

/** Scenario categories (`defineScenario({ category })`): each selects its scenarios in `--scenario`. */
export const CATEGORIES: readonly ScenarioCategory[] = SCENARIO_CATEGORIES;

/** A scenario as selection sees it: its id and category. */
export interface CatalogueEntry {
  id: string;
  category: string;
}

/**
 * `--impl` as implementations: `all` is every valid implementation present (folder order);
 * ids are looked up one by one (unknown → LAB_UNKNOWN_IMPL, invalid manifest → LAB_MANIFEST_INVALID).
 * Duplicates are dropped, the first mention keeps its place.
 */
export function selectImpls(requested: readonly string[], loaded: LoadedManifests): ImplEntry[] {
  const chosen = requested.flatMap((id) => (id === ALL ? loaded.impls : [requireImpl(loaded, id)]));
  return [...new Map(chosen.map((impl) => [impl.id, impl])).values()];
}

/** True when `--scenario` needs the catalogue's categories (it names `all` or a category). */
export function needsCatalogue(requested: readonly string[]): boolean {
  return requested.some((token) => token === ALL || (CATEGORIES as readonly string[]).includes(token));
}

/**
 * `--scenario` as scenario ids, in catalogue order for `all` and categories, as given for ids:
 * `all` is every scenario, a category name its scenarios, anything else must be a scenario id
 * (LAB_UNKNOWN_SCENARIO). A category with no scenario is a usage error too.
 */
export function selectScenarios(requested: readonly string[], catalogue: readonly CatalogueEntry[]): string[] {
  const ids = requested.flatMap((token) => {
    if (token === ALL) return catalogue.map((s) => s.id);
    if ((CATEGORIES as readonly string[]).includes(token)) {
      const inCategory = catalogue.filter((s) => s.category === token).map((s) => s.id);
      if (inCategory.length === 0)
        throw usageError(
          'LAB_UNKNOWN_SCENARIO',
          `no scenario in category "${token}"`,
          `categories present: ${[...new Set(catalogue.map((s) => s.category))].join(', ') || 'none'}`,
        );
      return inCategory;
    }
    if (!catalogue.some((s) => s.id === token)) {
      const known = catalogue.map((s) => s.id);
      throw usageError(
        'LAB_UNKNOWN_SCENARIO',
        `unknown scenario "${token}"`,
        known.length
          ? `known scenarios: ${known.join(', ')}; or a category (${CATEGORIES.join(', ')}) or all`
          : 'this workspace has no scenarios/<NN-slug>/scenario.ts yet',
      );
    }
    return [token];
  });
  return [...new Set(ids)];
}
