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

// Test hooks (tests/serve-flood.test.ts): a thread holding the crash marker makes the child abort,
// one holding the hang marker is never answered (a render that does not end).
const crashMarker = process.env.THREADECK_SERVE_CRASH_MARKER;
const hangMarker = process.env.THREADECK_SERVE_HANG_MARKER;
const holds = (msg: ChildRequest, marker: string | undefined) => marker !== undefined && marker !== '' && msg.task.thread.posts.some((p) => p.text.includes(marker));

process.on('message', (msg: ChildRequest) => {
  if (holds(msg, crashMarker)) process.abort();
  if (holds(msg, hangMarker)) return;
  void renderTask(msg.task).then((result) => process.send!({ id: msg.id, result } satisfies ChildResponse));
});
// The server gone (its IPC channel closed): nothing more to do.
process.on('disconnect', () => process.exit(0));
process.send!('ready');
