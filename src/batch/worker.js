// Entry of a build worker thread. Workers do not inherit the main thread's tsx loader, so this
// registers it, then hands piscina the task function of render-task.ts. Each worker imports the
// pipeline once: fonts, emoji and templates are then cached for every thread it renders.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
register({ tsconfig: path.join(root, 'tsconfig.json') });
const { renderTask } = await import('./render-task.ts');

export default renderTask;
