// Where the project config file is: the nearest threadeck.config.{yaml,yml,json} at or above a
// folder. Light on purpose (no YAML parser): a command with no config file never loads one.
import { stat } from 'node:fs/promises';
import path from 'node:path';

export const CONFIG_NAMES = ['threadeck.config.yaml', 'threadeck.config.yml', 'threadeck.config.json'] as const;

/** The nearest config file at or above `from`, or undefined. */
export async function findProjectConfig(from = process.cwd()): Promise<string | undefined> {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    for (const name of CONFIG_NAMES) {
      const file = path.join(dir, name);
      if ((await stat(file).catch(() => undefined))?.isFile()) return file;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}
