// The page's pickers (and `threadeck preview --template/--size`): a built-in template name and a
// size, preset or WxH; empty = no choice. They act as command-line flags: above the thread file
// and the project config file (load/presentation.ts decides the order).
import type { PresentationLayer } from '../load/presentation.ts';
import { parseSize } from '../model/sizes.ts';
import { TEMPLATE_NAMES } from '../template/names.ts';

export interface PreviewChoices {
  template: string;
  size: string;
}

/** What is wrong with a choice, or undefined. */
export function choicesProblem(choices: PreviewChoices): string | undefined {
  if (choices.template && !TEMPLATE_NAMES.includes(choices.template)) return `unknown template "${choices.template}"; available: ${TEMPLATE_NAMES.join(', ')}`;
  if (choices.size) {
    const size = parseSize(choices.size);
    if (typeof size === 'string') return size;
  }
  return undefined;
}

/** The choices as the flags layer of presentation(). */
export function choiceFlags(choices: PreviewChoices): PresentationLayer {
  const flags: PresentationLayer = {};
  if (choices.template) flags.template = choices.template;
  if (choices.size) {
    const size = parseSize(choices.size);
    if (typeof size !== 'string') flags.size = size;
  }
  return flags;
}
