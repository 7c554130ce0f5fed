// `--config FILE` / `--no-config`: which project config file a command uses (by default the
// nearest threadeck.config.{yaml,yml,json} at or above the working folder).
import { UsageError } from './usage-error.ts';

export const configArgs = {
  config: {
    type: 'string',
    description: 'Project config file (default: the nearest threadeck.config.yaml/.yml/.json upward); --no-config ignores it',
    valueHint: 'FILE',
    negatable: true,
  },
} as const;

/** The command's project config, loaded (undefined: none found, or --no-config). */
export async function projectConfig(args: Record<string, unknown>) {
  if (args.config === false) return undefined;
  if (args.config === true || args.config === '') throw new UsageError('--config: name a config file, e.g. --config threadeck.config.yaml');
  const file = typeof args.config === 'string' ? args.config : await (await import('../load/find-config.ts')).findProjectConfig();
  if (!file) return undefined;
  return (await import('../load/project-config.ts')).loadProjectConfig(file);
}
