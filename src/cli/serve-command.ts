// `threadeck serve`: the HTTP render service (src/serve/). Flags only; the work is in serve-action.ts.
import { defineCommand } from 'citty';

export const serveCommand = defineCommand({
  meta: { name: 'serve', description: 'HTTP render service: POST /v1/render a thread (YAML/JSON or a raw clipping) → PDF, PNG or zip. Listens on 127.0.0.1 unless --host says otherwise.' },
  args: {
    host: { type: 'string', description: 'Interface to listen on (default 127.0.0.1; 0.0.0.0 for every interface)', valueHint: 'HOST' },
    port: { type: 'string', alias: 'p', description: 'Port (default 8080; 0: a free one, printed)', valueHint: 'PORT' },
    jobs: { type: 'string', alias: 'j', description: 'Render child processes, i.e. renders at once (default 2)', valueHint: 'N' },
    queue: { type: 'string', description: 'Requests that may wait for a renderer; past it, 429 (default 8)', valueHint: 'N' },
    'max-body': { type: 'string', description: 'Largest request body; past it, 413 (default 2MB)', valueHint: 'SIZE' },
    timeout: { type: 'string', description: 'Seconds a request may take, waiting and rendering; past it, 504 (default 60)', valueHint: 'SECONDS' },
    'token-file': { type: 'string', description: 'File whose first line is the bearer token every request must send (401 otherwise)', valueHint: 'FILE' },
    'allow-remote-images': { type: 'boolean', default: false, description: 'Fetch http(s) image URLs in threads (public addresses only; off by default)' },
    'shutdown-timeout': { type: 'string', description: 'Seconds SIGTERM waits for in-flight requests before exiting anyway (default 10)', valueHint: 'SECONDS' },
    quiet: { type: 'boolean', default: false, description: 'No JSON request logs on stdout' },
  },
  async run({ args }) {
    const { runServeCommand } = await import('./serve-action.ts');
    return runServeCommand(args);
  },
});
