// Where threadeck's own files are: the package root (package.json, schema/, dist/), found by walking
// up from this module, so it holds whether the code runs as source (src/) or compiled (dist/).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface PackageJson {
  name: string;
  version: string;
  description: string;
}

function findRoot(from: string): { root: string; pkg: PackageJson } {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
      if (pkg.name === 'threadeck') return { root: dir, pkg };
    }
    if (path.dirname(dir) === dir) throw new Error(`threadeck: no package.json of threadeck above ${from}`);
  }
}

const here = path.dirname(fileURLToPath(import.meta.url));
const found = findRoot(here);

/** The folder holding threadeck's package.json. */
export const PACKAGE_ROOT = found.root;
/** threadeck's name, version and description. */
export const PACKAGE: Readonly<PackageJson> = found.pkg;
/** True when this code runs from the compiled dist/ (an installed package), false when from src/ (tests, a checkout in development). */
export const COMPILED = path.relative(path.join(PACKAGE_ROOT, 'dist'), here).split(path.sep)[0] !== '..';
/** A file of threadeck's own, by its path from the package root. */
export const packageFile = (...parts: string[]): string => path.join(PACKAGE_ROOT, ...parts);
