// Template files reloaded while a preview runs. Node cannot unload an imported module, so a changed
// template file is imported afresh from a hidden copy next to it (same folder, so its relative
// imports still resolve), deleted once loaded; renders then use that copy. A copy that fails to
// load leaves a problem that every render reports until the file loads again.
import { copyFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { ThreadeckError, type Diagnostic } from '../diagnostics.ts';
import type { LayoutOptions } from '../layout/paginate.ts';
import { presentation } from '../load/presentation.ts';
import type { Thread } from '../model/index.ts';

export class TemplateReloads {
  /** Original path → the copy it was last imported from. */
  private readonly copies = new Map<string, string>();
  private readonly problems = new Map<string, Diagnostic>();
  private version = 0;

  /** Imports the template file `file` (absolute) afresh with `load` (template/registry.ts loadTemplate). */
  async reload(file: string, load: (file: string) => Promise<unknown>): Promise<void> {
    const ext = path.extname(file);
    const copy = path.join(path.dirname(file), `.${path.basename(file, ext)}.preview-${++this.version}${ext}`);
    try {
      await copyFile(file, copy);
      await load(copy);
      this.copies.set(file, copy);
      this.problems.delete(file);
    } catch (err) {
      const message = err instanceof ThreadeckError ? err.diagnostics.map((d) => d.message).join('; ') : err instanceof Error ? err.message : String(err);
      this.problems.set(file, { severity: 'error', rule: 'template', file: path.relative(process.cwd(), file) || file, message: `the template file did not reload: ${message}` });
    } finally {
      await rm(copy, { force: true });
    }
  }

  /**
   * `opts` with the template the thread is drawn with (flag, thread file or config file:
   * presentation()) replaced by its latest reloaded copy, if it is a reloaded file. As the winning
   * choice it goes in the flags layer. Throws the file's problem if its last reload failed.
   */
  fresh(thread: Thread, opts: LayoutOptions): LayoutOptions {
    const file = presentation(thread.options, opts, opts.config).template;
    const problem = this.problems.get(file);
    if (problem) throw new ThreadeckError('TEMPLATE', [problem]);
    const copy = this.copies.get(file);
    return copy ? { ...opts, template: copy } : opts;
  }
}
