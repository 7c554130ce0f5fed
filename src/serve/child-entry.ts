// A render child process's entry (dist/serve-child.js; from source, child.js registers tsx first):
// each message from the server is one render task (a loaded thread), answered with its result.
// A native crash or an out-of-memory here ends this process only; the server replaces it.
import { renderTask, type RenderResult, type RenderTask } from '../batch/render-task.ts';

export interface ChildRequest {
  id: number;
  task: RenderTask;
}

export interface ChildResponse {
  id: number;
  result: RenderResult;
}

// Test hook: a thread holding this marker makes the child abort (tests/serve-crash.test.ts).
const crashMarker = process.env.THREADECK_SERVE_CRASH_MARKER;

process.on('message', (msg: ChildRequest) => {
  if (crashMarker && msg.task.thread.posts.some((p) => p.text.includes(crashMarker))) process.abort();
  void renderTask(msg.task).then((result) => process.send!({ id: msg.id, result } satisfies ChildResponse));
});
// The server gone (its IPC channel closed): nothing more to do.
process.on('disconnect', () => process.exit(0));
process.send!('ready');
