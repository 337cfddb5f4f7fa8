import { z } from 'zod';

/** An ISO 8601 date-time with a zone (`Z` or an offset), e.g. `2026-11-26T17:50:29.000Z`. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true });

/** What the host is; results from different fingerprints are never compared as equals. */
export const hostFingerprintSchema = z.strictObject({
  cpuModel: z.string().min(1),
  /** Logical CPUs visible to the lab. */
  cores: z.int().positive(),
  /** Total physical memory, bytes. */
  memoryBytes: z.int().positive(),
  /** `process.arch`, e.g. x64. */
  arch: z.string().min(1),
  /** Kernel release, e.g. `6.8.0-45-generic`. */
  kernel: z.string().min(1),
  /** Node.js version running the lab, e.g. `v20.19.5`. */
  node: z.string().min(1),
  /** Stable machine identifier (e.g. a hash of /etc/machine-id), when available. */
  machineId: z.string().min(1).optional(),
});

/** Where a result came from: source revision, host, tools, Nx task and time. */
export const provenanceSchema = z.strictObject({
  /** Commit of the workspace (7–64 lowercase hex digits). */
  gitSha: z.string().regex(/^[0-9a-f]{7,64}$/, 'expected a lowercase hex git SHA'),
  /** True when the working tree had uncommitted changes. */
  gitDirty: z.boolean(),
  hostFingerprint: hostFingerprintSchema,
  /** Versions of every tool involved: `{ wrk: '4.2.0', postgres: '16.4', … }`. */
  toolVersions: z.record(z.string().min(1), z.string().min(1)),
  /** Hash of the Nx task that produced the file, when run through Nx. */
  nxTaskHash: z.string().min(1).optional(),
  /** When the file was written. */
  createdAt: isoDateTimeSchema,
});

/** Parsed provenance. */
export type Provenance = z.infer<typeof provenanceSchema>;
/** Parsed host fingerprint. */
export type HostFingerprint = z.infer<typeof hostFingerprintSchema>;
