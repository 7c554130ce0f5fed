// Parses YAML (or JSON) text into plain data while keeping the syntax tree, so any path in the
// data can be traced back to a line and column for diagnostics.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../diagnostics.ts';
import type { SourcePosition } from '../model/index.ts';

export interface ParsedDocument {
  /** The data, or undefined when the text did not parse. */
  value: unknown;
  diagnostics: Diagnostic[];
  /** Position of the value at `path` (or of the deepest existing parent). */
  locate(path: readonly PropertyKey[], opts?: { key?: string }): SourcePosition;
}

const MAX_ALIASES = 100;
const MAX_DEPTH = 64;

export function parseYamlDocument(text: string, file: string): ParsedDocument {
  const lineCounter = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys: true,
    strict: true,
    prettyErrors: false,
    merge: false,
  });
  const toPos = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  for (const err of doc.errors) {
    let offset = err.pos[0];
    let message = yamlMessage(err.message);
    if (/Maximum call stack/.test(message)) message = `the document nests too deeply (a thread needs at most ${MAX_DEPTH} levels)`;
    // yaml reports an unterminated string where the file ends; point at its opening quote instead.
    const quote = /^Missing closing (["'])quote/.exec(message)?.[1];
    if (err.code === 'MISSING_CHAR' && quote) {
      const open = text.lastIndexOf(quote, Math.max(0, offset - 1));
      if (open >= 0) {
        offset = open;
        message = `this string has no closing ${quote}`;
      }
    }
    // An unclosed `[` or `{` is reported where the parser gave up (often the end of the file); point at the opener.
    const closer = /^Flow (sequence|map) in block collection must be sufficiently indented and end with a ([\]}])/.exec(message)?.[2];
    const opener = closer ? unclosedOpener(text, offset, closer === ']' ? '[' : '{') : -1;
    if (opener >= 0) {
      offset = opener;
      message = `this ${text[opener]} has no closing ${closer} (or the lines after it are not indented under it)`;
    }
    const d: Diagnostic = { severity: 'error', rule: 'yaml-syntax', file, ...toPos(offset), message };
    if (!diagnostics.some((o) => o.line === d.line && o.column === d.column && o.message === d.message)) diagnostics.push(d);
  }
  for (const warn of doc.warnings) {
    // Unknown tags (`!foo`, `!!js/function`) only warn in the yaml package; for us they are errors.
    const pos = toPos(warn.pos[0]);
    diagnostics.push({ severity: 'error', rule: 'yaml-syntax', file, ...pos, message: yamlMessage(warn.message) });
  }

  let value: unknown;
  if (diagnostics.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIASES });
      if (depth(value) > MAX_DEPTH) {
        diagnostics.push({ severity: 'error', rule: 'yaml-syntax', file, line: 1, column: 1, message: `the document nests too deeply (a thread needs at most ${MAX_DEPTH} levels)` });
        value = undefined;
      }
    } catch (err) {
      // Alias-limit errors are plain ReferenceErrors, not YAMLParseErrors.
      diagnostics.push({
        severity: 'error',
        rule: 'yaml-syntax',
        file,
        line: 1,
        column: 1,
        message: `${err instanceof Error ? err.message : String(err)} (aliases are limited to ${MAX_ALIASES})`,
      });
    }
  }

  return {
    value,
    diagnostics,
    locate: (path, opts) => locateIn(doc, path, opts?.key, toPos),
  };
}

function locateIn(
  doc: Document,
  path: readonly PropertyKey[],
  key: string | undefined,
  toPos: (offset: number) => SourcePosition,
): SourcePosition {
  let node: Node | null | undefined = doc.contents as Node | null;
  let keyNode: Node | undefined;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      keyNode = pair.key as Node;
      node = pair.value as Node | null;
      if (!node) {
        node = keyNode;
        break;
      }
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg]) {
      node = node.items[seg] as Node;
      keyNode = undefined;
    } else break;
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
    if (pair?.key && (pair.key as Node).range) return toPos((pair.key as Node).range![0]);
  }
  const range = node?.range ?? keyNode?.range;
  return range ? toPos(range[0]) : { line: 1, column: 1 };
}

/** Nesting depth of plain data, iteratively (deep input must not overflow the stack here either). */
function depth(value: unknown): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (d > max) max = d;
    if (d > MAX_DEPTH) return d;
    if (v && typeof v === 'object') for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/** The yaml package's messages end with "at line L, column C" and a code excerpt; we print our own position. */
function yamlMessage(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
}

/** The offset of the innermost `[` or `{` (of kind `open`) still open at `end`, skipping quoted text and comments; -1 if none. */
function unclosedOpener(text: string, end: number, open: '[' | '{'): number {
  const stack: number[] = [];
  const last = Math.min(end + 1, text.length);
  for (let i = 0; i < last; i++) {
    const c = text[i]!;
    const starts = i === 0 || /[\s[{,:-]/.test(text[i - 1]!);
    if ((c === '"' || c === "'") && starts) {
      // A quoted scalar (an apostrophe inside a plain word is not one): "…\"…" or '…''…'.
      for (i++; i < last; i++) {
        if (c === '"' && text[i] === '\\') i++;
        else if (text[i] === c && c === "'" && text[i + 1] === "'") i++;
        else if (text[i] === c) break;
      }
    } else if (c === '#' && starts) {
      while (i < last && text[i] !== '\n') i++;
    } else if (c === '[' || c === '{') stack.push(i);
    else if ((c === ']' || c === '}') && stack.length && text[stack.at(-1)!] === (c === ']' ? '[' : '{')) stack.pop();
  }
  for (let k = stack.length - 1; k >= 0; k--) if (text[stack[k]!] === open) return stack[k]!;
  return -1;
}
