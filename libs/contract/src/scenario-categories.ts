/**
 * The scenario categories, in the order reports list them. A scenario's category follows from its
 * number (the original lab's folder numbering): {@link categoryOfScenarioNumber}. The one home of
 * both facts: the engine validates scenarios against them, `lab bench --scenario <category>`
 * selects by them, and the report orders its tables by them.
 */
export const SCENARIO_CATEGORIES = ['basic', 'db-advanced', 'caching', 'auth', 'real-world', 'server-config', 'stress'] as const;

/** One of {@link SCENARIO_CATEGORIES}. */
export type ScenarioCategory = (typeof SCENARIO_CATEGORIES)[number];

/** The category a scenario numbered `n` (its folder's `NN-`) belongs to: 01–08 basic, 09–13 db-advanced, 14–16 caching, 17 auth, 18–20 real-world, 21–22 stress, 23– server-config. */
export function categoryOfScenarioNumber(n: number): ScenarioCategory {
  if (n <= 8) return 'basic';
  if (n <= 13) return 'db-advanced';
  if (n <= 16) return 'caching';
  if (n === 17) return 'auth';
  if (n <= 20) return 'real-world';
  if (n <= 22) return 'stress';
  return 'server-config';
}
