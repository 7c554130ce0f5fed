// The sandboxed processor's entry when threadeck runs from source: registers tsx (a dev
// dependency), then hands BullMQ processor-entry.ts's job function. The compiled package uses
// dist/cluster-processor.js instead.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
register({ tsconfig: path.join(root, 'tsconfig.json') });
const { default: processJob } = await import('./processor-entry.ts');

export default processJob;
