// Writes schema/thread.schema.json and schema/config.schema.json from the zod schemas (npm run schema). A test checks they are current.
import { writeFileSync } from 'node:fs';
import { configJsonSchema, threadJsonSchema } from '../src/load/schema.ts';

for (const [name, schema] of [['thread', threadJsonSchema()], ['config', configJsonSchema()]] as const) {
  const file = new URL(`../schema/${name}.schema.json`, import.meta.url);
  writeFileSync(file, JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote ${file.pathname}`);
}
