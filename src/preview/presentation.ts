// What a previewed thread is drawn with, decided as `threadeck build` decides it
// (load/presentation.ts): the page's pickers as flags › the thread file › the project config file
// (config.ts) › the template's default; `--theme FILE` read again for every render; a template file
// (the thread's or the config file's) as last reloaded (template-reload.ts).
import path from 'node:path';
import type { LayoutOptions } from '../layout/paginate.ts';
import type { ProjectConfig } from '../load/project-config.ts';
import type { Thread } from '../model/index.ts';
import { isTemplatePath } from '../template/names.ts';
import { choiceFlags, type PreviewChoices } from './choices.ts';
import { PreviewConfig } from './config.ts';
import type { Renderer } from './renderer.ts';
import { TemplateReloads } from './template-reload.ts';

export class PreviewPresentation {
  readonly config: PreviewConfig;
  private readonly templates = new TemplateReloads();

  constructor(
    readonly themeFile: string | undefined,
    config: ProjectConfig | undefined,
  ) {
    this.config = new PreviewConfig(config);
  }

  /** A watched file other than the thread file changed: a template file is reloaded, the config file read again. */
  async changed(file: string | undefined, r: () => Promise<Renderer>): Promise<void> {
    // By its name's ending (any absolute path would pass as a template path).
    if (file && isTemplatePath(path.basename(file))) await this.templates.reload(file, async (copy) => (await r()).loadTemplate(copy));
    else this.config.changed();
  }

  /** The layout options for `thread` with the pickers at `choices`; throws the theme file's, config file's or template file's problems. */
  async options(r: Renderer, thread: Thread, choices: PreviewChoices): Promise<LayoutOptions> {
    const opts: LayoutOptions = choiceFlags(choices);
    if (this.themeFile) opts.theme = await r.loadThemeFile(this.themeFile);
    const config = await this.config.layer();
    if (config) opts.config = config;
    return this.templates.fresh(thread, opts);
  }
}
