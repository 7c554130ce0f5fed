// The project config file a preview was started with (threadeck.config.*: a template, size and
// theme below the thread file's own, load/presentation.ts). Read again after a watched file
// changes (the config file, its theme file, fonts, logo), so saving it shows; while it has
// problems, renders report them (and its last good version is kept for when they are fixed).
import type { PresentationLayer } from '../load/presentation.ts';
import type { ProjectConfig } from '../load/project-config.ts';

export class PreviewConfig {
  private stale = false;
  private problem: unknown;

  constructor(private config: ProjectConfig | undefined) {}

  /** The config file's path, if there is one. */
  get file(): string | undefined {
    return this.config?.file;
  }

  /** A file it may name changed: read it again before the next render. */
  changed(): void {
    if (this.config) this.stale = true;
  }

  /** Its presentation layer (undefined: no config file); throws its problems (INVALID_CONFIG). */
  async layer(): Promise<PresentationLayer | undefined> {
    if (!this.config) return undefined;
    if (this.stale) {
      this.stale = false;
      const { loadProjectConfig } = await import('../load/project-config.ts');
      try {
        this.config = await loadProjectConfig(this.config.file);
        this.problem = undefined;
      } catch (err) {
        this.problem = err;
      }
    }
    if (this.problem) throw this.problem;
    return this.config.presentation;
  }
}
