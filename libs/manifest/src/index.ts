export {
  implManifestSchema,
  parseManifest,
  normalizeManifest,
  formatProblems,
  folderProblem,
  LANGUAGES,
  DEFAULT_READINESS,
  IMPL_ID,
  SCENARIO_ID,
} from './impl-manifest';
export type { ImplManifest, ImplManifestInput, Variant, Language, ManifestProblem, ParseManifestResult } from './impl-manifest';
export { loadManifests } from './load-manifests';
export type { ImplEntry, ScenarioEntry, LoadedManifests } from './load-manifests';
export { experimentSchema } from './experiment-schema';
export { HASHED_LAB_ENV } from './bench-task';
export { hostFacts, type HostFacts } from './host-facts';
export { resultFile, type ResultCell } from './result-file';
