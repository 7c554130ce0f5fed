// The sandboxed processor BullMQ forks for a worker (dist/cluster-processor.js; from source,
// processor.js registers tsx first): its default export runs one job. The worker gone (killed),
// this process ends too rather than finish a job another worker will take over.
import { processJob } from './process-job.ts';

process.on('disconnect', () => process.exit(1));

export default processJob;
