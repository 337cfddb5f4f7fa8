import { readFile } from 'node:fs/promises';

/** The caller's cgroup membership, parsed from /proc/self/cgroup. */
export interface CurrentCgroups {
  /** Path in the cgroup2 hierarchy (the "0::" line), e.g. "/" or "/user.slice/x". */
  unified?: string;
  /** Path per v1 controller, e.g. memory → "/process_api/ab12". Co-mounted controllers share a path. */
  v1: Map<string, string>;
}

/** Read and parse /proc/self/cgroup (or the given file). Missing file → empty membership. */
export async function readCurrentCgroups(file = '/proc/self/cgroup'): Promise<CurrentCgroups> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { v1: new Map() };
  }
  return parseProcCgroup(text);
}

/** Parse the text of /proc/<pid>/cgroup: one "hierarchy-id:controllers:path" line per hierarchy. */
export function parseProcCgroup(text: string): CurrentCgroups {
  const result: CurrentCgroups = { v1: new Map() };
  for (const line of text.split('\n')) {
    const m = /^(\d+):([^:]*):(.*)$/.exec(line.trim());
    if (!m) continue;
    const [, id, controllers, path] = m as unknown as [string, string, string, string];
    if (id === '0' && controllers === '') result.unified = path;
    else for (const c of controllers.split(',')) if (c) result.v1.set(c, path);
  }
  return result;
}
