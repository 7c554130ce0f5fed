// Entry of a render worker thread in the compiled package (dist/worker.js): piscina calls the
// default export with each task. From source, src/batch/worker.js registers tsx and does the same.
import { renderTask } from './render-task.ts';

export default renderTask;
