// The built-in templates' names, in the order `threadeck templates` lists them, and how a template
// file is told from a name: known without loading any template (the CLI's flags and help need them
// before anything renders). templates.ts checks at load that its registry holds exactly these.
export const TEMPLATE_NAMES: readonly string[] = ['default', 'dark', 'bold', 'editorial', 'post'];

/** A template value that names a file rather than a built-in template. */
export function isTemplatePath(value: string): boolean {
  return /[\\/]/.test(value) || /\.(tsx|ts|jsx|js|mjs|mts)$/i.test(value);
}
