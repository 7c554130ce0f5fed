// A render task as job data: BullMQ stores job data as JSON, and a loaded thread holds bytes
// (images, theme fonts). The task is serialised with v8 (structured clone, as worker threads do)
// and carried as base64.
import { deserialize, serialize } from 'node:v8';
import type { RenderTask } from '../batch/task.ts';

export const encodeTask = (task: RenderTask): string => serialize(task).toString('base64');

export const decodeTask = (data: string): RenderTask => deserialize(Buffer.from(data, 'base64')) as RenderTask;
