// The files a template file is made of: the file itself and every local file it imports,
// transitively, as esbuild finds them when it compiles the template (template/compile.ts,
// which compiles again only when one of them changed; nothing run). Packages, anything under
// node_modules and threadeck's own source in a checkout (`../src/…`; covered by the tool
// fingerprint) are left out. The build cache hashes these files and --watch watches them.
import path from 'node:path';
import { compileTemplate } from '../template/compile.ts';

/**
 * The template file and the local files it imports, transitively: absolute paths, sorted, no
 * duplicates. When the file does not bundle (a syntax error, a missing import) just `[file]`: the
 * template loader reports the real problem. Never throws.
 */
export async function templateFiles(file: string): Promise<string[]> {
  const entry = path.resolve(file);
  return compileTemplate(entry).then((c) => c.files, () => [entry]);
}
