// Writes schema/thread.schema.json from the zod schema (npm run schema). A test checks it is current.
import { writeFileSync } from 'node:fs';
import { threadJsonSchema } from '../src/load/schema.ts';

const file = new URL('../schema/thread.schema.json', import.meta.url);
writeFileSync(file, JSON.stringify(threadJsonSchema(), null, 2) + '\n');
console.log(`wrote ${file.pathname}`);
