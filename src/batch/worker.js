// Entry of a build worker thread when threadeck runs from source (tests, a checkout): workers do
// not inherit the main thread's loader, so this registers tsx (a dev dependency), then hands
// piscina the task function of render-task.ts. The compiled package uses dist/worker.js
// (render-worker.ts) instead, with no tsx. Each worker imports the pipeline once: fonts, emoji and
// templates are then cached for every thread it renders.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
register({ tsconfig: path.join(root, 'tsconfig.json') });
const { renderTask } = await import('./render-task.ts');

export default renderTask;
