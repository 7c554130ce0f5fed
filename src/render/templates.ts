// Registry of built-in templates, by name.
import type { Template } from './template.ts';
import defaultTemplate from '../../templates/default.tsx';

const BUILT_IN: Record<string, Template> = { default: defaultTemplate };

export function templateNames(): string[] {
  return Object.keys(BUILT_IN);
}

export function getTemplate(name = 'default'): Template {
  const t = BUILT_IN[name];
  if (!t) throw new Error(`unknown template "${name}"; available: ${templateNames().join(', ')}`);
  return t;
}
