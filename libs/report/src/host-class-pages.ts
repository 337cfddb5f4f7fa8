import type { LoadedResult } from '@lab/results';
import { hostClassOf } from './summarize-cell';

/** One host class's page: its results only, so nothing on it is compared across machines. */
export interface HostClassPage {
  /** `Intel(R) Xeon(R) Processor ×2`, as {@link hostClassOf} names it. */
  readonly hostClass: string;
  /** `intel-xeon-processor-x2`: its folder under results/published and its page's file name. */
  readonly slug: string;
  readonly results: readonly LoadedResult[];
  /** Cells judged valid on it: what decides which page is the main one. */
  readonly validCells: number;
  /** The newest `provenance.createdAt` on it. */
  readonly newest: string;
}

/**
 * The folder and file name of a host class: the CPU model in lower case without trademark
 * signs, runs of other characters as one `-`, then `-x<cores>`
 * (`AMD EPYC` × 2 → `amd-epyc-x2`).
 */
export function hostClassSlug(cpuModel: string, cores: number): string {
  const model = cpuModel
    .toLowerCase()
    .replace(/\((r|tm|c)\)/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${model || 'unknown-cpu'}-x${cores}`;
}

/**
 * Splits results into one page per host class (CPU model × cores), the main page first: the one
 * with the most valid cells, then the most cells, then the newest result. Machines of different
 * CPU models are never ranked together, so each class gets its own complete page rather than
 * sharing one.
 */
export function hostClassPages(results: readonly LoadedResult[]): HostClassPage[] {
  const byClass = new Map<string, LoadedResult[]>();
  for (const loaded of results) {
    const key = hostClassOf(loaded.result);
    byClass.set(key, [...(byClass.get(key) ?? []), loaded]);
  }
  const pages = [...byClass.entries()].map(([hostClass, inClass]): HostClassPage => {
    const fp = inClass[0]!.result.provenance.hostFingerprint;
    return {
      hostClass,
      slug: hostClassSlug(fp.cpuModel, fp.cores),
      results: inClass,
      validCells: inClass.filter((r) => r.result.validity.verdict === 'valid').length,
      newest: inClass
        .map((r) => r.result.provenance.createdAt)
        .sort()
        .at(-1)!,
    };
  });
  return pages.sort((a, b) => b.validCells - a.validCells || b.results.length - a.results.length || b.newest.localeCompare(a.newest));
}
