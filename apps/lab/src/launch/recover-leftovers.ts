import { describeRecovered, recoverLeftovers } from '@lab/infra';
import { removeStaleGroups } from '@lab/isolation';
import type { Log } from '../cli/outcome';

/**
 * Before a command starts services or servers: ends what lab processes killed without cleaning
 * up left behind (process groups and temp dirs from their run state files, then their resource
 * groups), one line per item. Best effort: a failure here never stops the command.
 */
export async function recoverFromKilledLabs(log: Log): Promise<void> {
  const recovered = await recoverLeftovers().catch(() => []);
  for (const item of recovered) log(`lab: cleaned up: ${describeRecovered(item)}`);
  const groups = await removeStaleGroups().catch(() => [] as string[]);
  for (const name of groups) log(`lab: cleaned up: removed the resource groups ${name}, left by lab process ${/^lab-(\d+)/.exec(name)?.[1] ?? '?'}`);
}
