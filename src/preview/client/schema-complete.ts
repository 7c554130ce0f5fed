// Completion for thread files from the thread JSON Schema (schema/thread.schema.json, bundled):
// keys valid at the cursor's place (found from the indentation of the lines above), with their
// descriptions; values for enums and booleans, built-in template names and size presets.
import type { CompletionContext, CompletionResult, Completion } from '@codemirror/autocomplete';

export interface SchemaNode {
  type?: string | string[];
  description?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  enum?: unknown[];
}

/** The object-ish variants of a node (anyOf/oneOf flattened). */
function variants(node: SchemaNode | undefined): SchemaNode[] {
  if (!node) return [];
  const alts = node.anyOf ?? node.oneOf;
  return alts ? alts.flatMap(variants) : [node];
}

function child(nodes: SchemaNode[], step: string | number): SchemaNode[] {
  const out: SchemaNode[] = [];
  for (const n of nodes) {
    for (const v of variants(n)) {
      if (typeof step === 'number') {
        if (v.items) out.push(...variants(v.items));
      } else if (v.properties?.[step]) out.push(...variants(v.properties[step]));
    }
  }
  return out;
}

const indentOf = (line: string) => /^\s*/.exec(line)![0].length;

/**
 * The YAML path of the mapping a key typed at (`lineNo`, `indent`) belongs to, from the lines
 * above: each less indented `key:` line is a parent, each `- ` item an array step.
 */
export function yamlPathAt(lines: readonly string[], lineNo: number, indent: number): Array<string | number> {
  const path: Array<string | number> = [];
  let limit = indent;
  for (let i = lineNo - 1; i >= 0 && limit > 0; i--) {
    const line = lines[i]!;
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const ind = indentOf(line);
    const rest = line.slice(ind);
    // `- key: value` opens a mapping inside a list item: its keys sit at ind + 2.
    const item = /^-\s+/.exec(rest);
    if (item && ind + item[0].length <= limit) {
      if (ind + item[0].length < limit) {
        const key = /^([\w$-]+):/.exec(rest.slice(item[0].length));
        if (key) path.unshift(key[1]!);
      }
      path.unshift(0);
      limit = ind;
      continue;
    }
    if (ind < limit) {
      const key = /^([\w$-]+):/.exec(rest);
      if (key) path.unshift(key[1]!);
      limit = ind;
    }
  }
  return path;
}

export function schemaCompletion(schema: SchemaNode, extra: { templates: () => string[]; sizes: () => string[] }) {
  return (ctx: CompletionContext): CompletionResult | null => {
    const line = ctx.state.doc.lineAt(ctx.pos);
    const before = line.text.slice(0, ctx.pos - line.from);
    const lines = ctx.state.doc.toString().split('\n');
    const lineNo = line.number - 1;

    // A value after `key: `.
    const value = /^(\s*(?:-\s+)?)([\w$-]+):\s+(\S*)$/.exec(before);
    if (value) {
      const indent = value[1]!.length;
      const key = value[2]!;
      const parent = yamlPathAt(lines, lineNo, indent);
      if (/-\s+$/.test(value[1]!)) parent.push(0);
      const at = child(parent.reduce<SchemaNode[]>((n, s) => child(n, s), [schema]), key);
      const options: Completion[] = [];
      if (parent.length === 0 && key === 'template') options.push(...extra.templates().map((t) => ({ label: t, type: 'enum' })));
      if (parent.length === 0 && key === 'size') options.push(...extra.sizes().map((s) => ({ label: s, type: 'enum' })));
      for (const v of at) {
        for (const e of v.enum ?? []) options.push({ label: String(e), type: 'enum' });
        if (v.type === 'boolean') options.push({ label: 'true', type: 'keyword' }, { label: 'false', type: 'keyword' });
      }
      if (!options.length) return null;
      return { from: ctx.pos - value[3]!.length, options, validFor: /^\S*$/ };
    }

    // A key: `  na|` or `  - na|`.
    const keyMatch = /^(\s*(?:-\s+)?)([\w$-]*)$/.exec(before);
    if (!keyMatch || (!keyMatch[2] && !ctx.explicit)) return null;
    const lead = keyMatch[1]!;
    const indent = lead.length;
    const path = yamlPathAt(lines, lineNo, indent);
    if (/-\s+$/.test(lead)) path.push(0);
    const nodes = path.reduce<SchemaNode[]>((n, s) => child(n, s), [schema]);
    const seen = new Set<string>();
    const options: Completion[] = [];
    for (const n of nodes) {
      for (const v of variants(n)) {
        for (const [name, prop] of Object.entries(v.properties ?? {})) {
          if (seen.has(name) || name === '$schema') continue;
          seen.add(name);
          const isObject = variants(prop).some((p) => p.type === 'object') && !variants(prop).some((p) => p.type === 'string' || p.type === 'boolean');
          const isArray = variants(prop).some((p) => p.type === 'array');
          options.push({
            label: name,
            type: 'property',
            ...(prop.description ? { info: prop.description } : {}),
            apply: isObject || isArray ? `${name}:\n${' '.repeat(indent + 2)}${isArray ? '- ' : ''}` : `${name}: `,
          });
        }
      }
    }
    if (!options.length) return null;
    return { from: ctx.pos - keyMatch[2]!.length, options, validFor: /^[\w$-]*$/ };
  };
}
