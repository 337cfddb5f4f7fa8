import { registerCleanup } from '@lab/infra';
import { loadManifests } from '@lab/manifest';
import { CliError, toErrorView } from '../cli/errors';
import { EXIT } from '../cli/exit-codes';
import type { Interrupt } from '../cli/interrupt';
import type { CommandConfig } from '../cli/normalize-config';
import type { Log, Outcome } from '../cli/outcome';
import { ensureBuilt } from '../launch/ensure-built';
import { launchImpl } from '../launch/launch-impl';
import { requireImpl, requireVariant } from './select-impl';

/**
 * `lab up <impl>`: the services and the implementation, for development, until Ctrl-C
 * (exit 130) or until the server exits on its own (exit 3). Everything is stopped either way.
 */
export async function runUp(workspace: string, cfg: Extract<CommandConfig, { name: 'up' }>, log: Log, interrupt: Interrupt): Promise<Outcome> {
  const impl = requireImpl(loadManifests(workspace), cfg.impl);
  const variant = requireVariant(impl, cfg.variant);
  await ensureBuilt(workspace, impl.id, log);
  const launching = launchImpl({ impl, variant, port: cfg.port, log, serverLog: (line) => log(`  ${impl.id} | ${line}`) });
  const launched = await Promise.race([launching, interrupt.signal.then(() => undefined)]);
  if (!launched) {
    await launching.then(
      (l) => l.stop(),
      () => undefined,
    );
    return { exitCode: EXIT.interrupted };
  }
  const unregister = registerCleanup(() => launched.stop());
  for (const [key, value] of Object.entries(launched.stack.env())) log(`lab:   ${key}=${value}`);
  log(`lab: ${impl.id} is up at ${launched.baseUrl} — press Ctrl-C to stop`);
  const ended = await Promise.race([launched.server.exited.then((exit) => ({ exit })), interrupt.signal.then((signal) => ({ signal }))]);
  log('lab: stopping');
  await launched.stop();
  unregister();
  if ('signal' in ended) {
    log('lab: stopped');
    return { exitCode: EXIT.interrupted };
  }
  const how = ended.exit.signal ?? `code ${ended.exit.code}`;
  const error = new CliError('LAB_IMPL_EXITED', `${impl.id} exited on its own (${how})`, 'its output is above', EXIT.setup);
  return { exitCode: EXIT.setup, error: toErrorView(error) };
}
