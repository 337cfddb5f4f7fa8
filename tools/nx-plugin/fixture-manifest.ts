/**
 * A minimal valid `lab.json` for the plugin's workspace tests: every command is `true`, so a
 * fixture implementation builds instantly; `variants` become variants that set WORKERS=2.
 */
export function fixtureManifest(language: string, variants: readonly string[] = []) {
  return {
    language,
    languageVersion: '1',
    framework: 'fw',
    frameworkVersion: '1',
    server: 'srv',
    orm: 'orm',
    serializer: 'JSON.stringify',
    description: 'fixture',
    build: { command: 'true' },
    start: { command: 'true' },
    test: { command: 'true' },
    pool: { env: 'DB_POOL_SIZE', default: 10 },
    workers: { env: 'WORKERS', default: 1 },
    concurrency: { model: 'event-loop' },
    toolchain: { versionCommand: 'true' },
    ...(variants.length > 0 ? { variants: variants.map((id) => ({ id, description: id, env: { WORKERS: '2' } })) } : {}),
  };
}
