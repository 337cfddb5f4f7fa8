import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { hostFingerprint } from '@lab/runner';
import { describe, expect, it } from 'vitest';

/**
 * The host fingerprint every bench task hashes (tools/bench/fingerprint.mjs) and the provenance
 * every result records (`hostFingerprint`) name the same host: both read `hostFacts`. Its printed
 * form is a cache key, so its fields and their order are pinned here too.
 */
const repo = resolve(__dirname, '../..');

function fingerprint(env: Record<string, string>): Record<string, unknown> {
  const kept = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'LAB_MACHINE_ID' && key !== 'LAB_PROFILE'));
  return JSON.parse(execFileSync(process.execPath, ['tools/bench/fingerprint.mjs'], { cwd: repo, encoding: 'utf8', env: { ...kept, ...env } }));
}

describe('the host fingerprint', () => {
  it('prints the host the provenance records, memory in whole GiB', () => {
    const { memoryBytes, ...host } = hostFingerprint({});
    const printed = fingerprint({});
    expect(Object.keys(printed)).toEqual(['cpuModel', 'cores', 'memoryGiB', 'arch', 'kernel', 'node', 'machineId', 'profile']);
    expect(printed).toEqual({ ...host, memoryGiB: Math.round(memoryBytes / 2 ** 30), machineId: null, profile: null });
  });

  it('prints LAB_MACHINE_ID and LAB_PROFILE as set', () => {
    expect(fingerprint({ LAB_MACHINE_ID: ' box-7 ', LAB_PROFILE: 'cpu2' })).toMatchObject({ machineId: ' box-7 ', profile: 'cpu2' });
  });
});
