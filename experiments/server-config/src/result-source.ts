/**
 * Where the experiment's point results are read from, and how measured points are published.
 * Points are measured into results/raw/experiments/<experiment>/ (git ignores it: the Nx outputs
 * of this machine); publishing copies them to results/published/<host-class>/experiments/<experiment>/, which is
 * committed. A guide is built from one folder, so from one host class, never a mix.
 */
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { hostClassOf, hostClassSlug } from '@lab/report';
import { readResultFile } from '@lab/results';
import type { Point } from './definition';
import { experimentDir } from './point-outcome';

/** A folder of point results `<point id>.json`, relative to the workspace root, and how many points it holds. */
export interface ResultSource {
  dir: string;
  points: number;
}

async function pointFiles(dir: string, points: readonly Point[]): Promise<string[]> {
  const names = new Set(await readdir(dir).catch(() => [] as string[]));
  return points.map((p) => `${p.id}.json`).filter((n) => names.has(n));
}

/**
 * Every committed folder that holds points, results/published/<host-class>/experiments/<experiment>,
 * the one with the most points first (ties: by name); empty before anything is published.
 */
export async function publishedSources(workspaceRoot: string, experimentId: string, points: readonly Point[]): Promise<ResultSource[]> {
  const classes = (await readdir(join(workspaceRoot, 'results', 'published'), { withFileTypes: true }).catch(() => []))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const published = await Promise.all(
    classes.map(async (c): Promise<ResultSource> => {
      const dir = experimentDir(join('published', c), experimentId);
      return { dir, points: (await pointFiles(join(workspaceRoot, dir), points)).length };
    }),
  );
  return published.filter((s) => s.points > 0).sort((a, b) => b.points - a.points);
}

/** The committed folder with the most points ({@link publishedSources}' first); null when none holds any. */
export async function choosePublishedSource(workspaceRoot: string, experimentId: string, points: readonly Point[]): Promise<ResultSource | null> {
  return (await publishedSources(workspaceRoot, experimentId, points))[0] ?? null;
}

/** The host-class folder name of a published source's dir (results/published/<host-class>/experiments/<experiment>). */
export function sourceHostClass(dir: string): string {
  return dir.split(/[\\/]/)[2] ?? dir;
}

/** What {@link publishPoints} did. */
export interface PublishedPoints {
  /** The folder written, relative to the workspace root. */
  dir: string;
  copied: string[];
  /** Point files not copied, with why (another host class, unreadable, older than the published copy). */
  refused: { file: string; why: string }[];
}

/**
 * Copies every point result of results/raw/experiments/<experiment> measured on this host class
 * to results/published/<host-class>/experiments/<experiment>/ (replacing older copies). A file from another
 * host class or one that does not parse is refused, never copied, and so is one written before the
 * published copy: Nx restores a point's output from its cache, which can be an earlier measurement
 * of the same inputs than the one published since (`--skip-nx-cache`).
 */
export async function publishPoints(
  workspaceRoot: string,
  experimentId: string,
  points: readonly Point[],
  host: { cpuModel: string; cores: number },
): Promise<PublishedPoints> {
  const from = join(workspaceRoot, experimentDir('raw', experimentId));
  const dir = experimentDir(join('published', hostClassSlug(host.cpuModel, host.cores)), experimentId);
  const here = `${host.cpuModel} ×${host.cores}`;
  const out: PublishedPoints = { dir, copied: [], refused: [] };
  for (const name of await pointFiles(from, points)) {
    try {
      const result = await readResultFile(join(from, name));
      if (hostClassOf(result) !== here) {
        out.refused.push({ file: name, why: `measured on ${hostClassOf(result)}, this host is ${here}` });
        continue;
      }
      const publishedAt = await readResultFile(join(workspaceRoot, dir, name)).then(
        (p) => p.provenance.createdAt,
        () => null,
      );
      if (publishedAt !== null && Date.parse(publishedAt) > Date.parse(result.provenance.createdAt)) {
        out.refused.push({ file: name, why: `written ${result.provenance.createdAt}, before the published copy (${publishedAt}): kept the published one` });
        continue;
      }
    } catch (error) {
      out.refused.push({ file: name, why: (error as Error).message.split('\n')[0] ?? 'unreadable' });
      continue;
    }
    await mkdir(join(workspaceRoot, dir), { recursive: true });
    await copyFile(join(from, name), join(workspaceRoot, dir, name));
    out.copied.push(name);
  }
  return out;
}
