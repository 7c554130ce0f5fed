// The preview editor's schema completion: where in the thread a key is typed, and what it offers.
import { describe, expect, it } from 'vitest';
import { EditorState } from '@codemirror/state';
import { CompletionContext } from '@codemirror/autocomplete';
import schema from '../schema/thread.schema.json' with { type: 'json' };
import { schemaCompletion, yamlPathAt, type SchemaNode } from '../src/preview/client/schema-complete.ts';

const complete = (doc: string, explicit = false) => {
  const source = schemaCompletion(schema as SchemaNode, { templates: () => ['default', 'dark'], sizes: () => ['linkedin', 'square'] });
  const state = EditorState.create({ doc });
  const result = source(new CompletionContext(state, doc.length, explicit));
  return result ? (result.options.map((o) => o.label) as string[]) : null;
};

describe('preview schema completion', () => {
  it('finds the path of the mapping a key is typed in', () => {
    const lines = ['title: x', 'author:', '  name: A', 'posts:', '  - text: hi', '    quote:', '      author:', '        name: B', ''];
    expect(yamlPathAt(lines, 3, 2)).toEqual(['author']);
    expect(yamlPathAt(lines, 5, 4)).toEqual(['posts', 0]);
    expect(yamlPathAt(lines, 8, 8)).toEqual(['posts', 0, 'quote', 'author']);
    expect(yamlPathAt(lines, 8, 0)).toEqual([]);
  });

  it('offers the keys valid at the cursor', () => {
    expect(complete('title: x\nau')).toContain('author');
    expect(complete('title: x\nauthor:\n  name: A\n  ha')).toEqual(['name', 'handle', 'avatar']);
    expect(complete('posts:\n  - text: hi\n    im')).toEqual(expect.arrayContaining(['text', 'image', 'alt', 'quote']));
    expect(complete('theme:\n  acc')).toContain('accent');
  });

  it('offers values: templates, sizes, booleans', () => {
    expect(complete('template: d')).toEqual(['default', 'dark']);
    expect(complete('size: ')).toEqual(['linkedin', 'square']);
    expect(complete('cover: f')).toEqual(expect.arrayContaining(['true', 'false']));
    expect(complete('title: ')).toBeNull();
  });
});
