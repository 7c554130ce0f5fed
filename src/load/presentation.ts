// Option precedence, decided here and nowhere else: a command-line flag › the thread file › the
// project config file › the template's default. Build, preview and anything after them ask this
// module which template, size and branding layers a thread gets.
import type { CardSize, ThemeOverrides, ThreadOptions } from '../model/index.ts';
import { DEFAULT_SIZE } from '../model/sizes.ts';

/** One source of presentation choices: the flags, or the project config file. */
export interface PresentationLayer {
  /** Built-in template name or absolute path to a template file. */
  template?: string;
  size?: CardSize;
  /** Branding, its files already loaded. */
  theme?: ThemeOverrides;
}

export interface Presentation {
  template: string;
  size: CardSize;
  /** Branding layers to apply over the template's theme, weakest first (config, thread, flag). */
  themes: ThemeOverrides[];
}

export const DEFAULT_TEMPLATE = 'default';

/** What a thread is drawn with, given the flags and the project config (either may be empty). */
export function presentation(thread: ThreadOptions, flags: PresentationLayer = {}, config: PresentationLayer = {}): Presentation {
  return {
    template: flags.template ?? thread.template ?? config.template ?? DEFAULT_TEMPLATE,
    size: flags.size ?? thread.size ?? config.size ?? DEFAULT_SIZE,
    themes: [config.theme, thread.theme, flags.theme].filter((t): t is ThemeOverrides => t !== undefined),
  };
}
