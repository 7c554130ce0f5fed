// Loads a theme (the thread file's `theme:` or a --theme FILE): colours as given, font and logo
// files read and checked relative to the file that names them. Problems become diagnostics.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ThreadeckError, formatPath, type Diagnostic } from '../diagnostics.ts';
import { FontFileError, loadFontFamily } from '../assets/font-file.ts';
import { ImageError, loadImage } from '../assets/images.ts';
import { ThemeFileSchema, type ThemeInput } from './schema.ts';
import { issuesToDiagnostics } from './schema-issues.ts';
import { parseYamlDocument, type ParsedDocument } from './yaml-document.ts';
import { BRAND_BODY_FONT, BRAND_HEADING_FONT } from '../theme/theme.ts';
import { THEME_COLOURS, type ThemeOverrides } from '../model/index.ts';

/**
 * Loads the files a theme names. `at` is the theme's path in its document (['theme'] in a thread
 * file, [] in a theme file); problems are pushed to `diagnostics` with their positions.
 */
export async function loadThemeOverrides(
  input: ThemeInput,
  baseDir: string,
  doc: ParsedDocument,
  file: string,
  at: PropertyKey[],
  diagnostics: Diagnostic[],
): Promise<ThemeOverrides> {
  const out: ThemeOverrides = { colours: {} };
  for (const key of THEME_COLOURS) if (input[key]) out.colours[key] = input[key];
  if (input.footer !== undefined) out.footer = input.footer;
  const fail = (key: string, err: unknown) => {
    if (!(err instanceof FontFileError) && !(err instanceof ImageError)) throw err;
    const p = [...at, key];
    diagnostics.push({ severity: 'error', rule: key === 'logo' ? 'image' : 'font', file, ...doc.locate(p), path: formatPath(p.map(String)), message: err.message });
  };
  if (input.font) {
    try {
      out.bodyFonts = await loadFontFamily(BRAND_BODY_FONT, input.font, baseDir);
    } catch (err) {
      fail('font', err);
    }
  }
  if (input.headingFont) {
    try {
      out.headingFonts = await loadFontFamily(BRAND_HEADING_FONT, input.headingFont, baseDir);
    } catch (err) {
      fail('headingFont', err);
    }
  }
  if (input.logo) {
    try {
      out.logo = await loadImage(input.logo, baseDir);
    } catch (err) {
      fail('logo', err);
    }
  }
  return out;
}

/** Reads a theme file (YAML or JSON with the `theme` keys at top level). */
export async function loadThemeFile(file: string): Promise<ThemeOverrides> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ThreadeckError('IO', [{ severity: 'error', rule: 'io', file, message: code === 'ENOENT' ? 'theme file not found' : `cannot read theme file (${code})` }]);
  }
  const doc = parseYamlDocument(text.replace(/^\uFEFF/, ''), file);
  if (doc.diagnostics.length) throw new ThreadeckError('INVALID_THEME', doc.diagnostics);
  const parsed = ThemeFileSchema.safeParse(doc.value ?? {}, { reportInput: true });
  if (!parsed.success) throw new ThreadeckError('INVALID_THEME', issuesToDiagnostics(parsed.error.issues, doc, file));
  const diagnostics: Diagnostic[] = [];
  const overrides = await loadThemeOverrides(parsed.data, path.dirname(file), doc, file, [], diagnostics);
  if (diagnostics.length) throw new ThreadeckError('INVALID_THEME', diagnostics);
  return overrides;
}
