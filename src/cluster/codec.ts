// A render task as job data: BullMQ stores job data as JSON, and a loaded thread holds bytes
// (images, theme fonts). The task is serialised with v8 (structured clone, as worker threads do)
// and carried as base64; so is a part job's result (a big thread's share of cards, bytes and all).
import { deserialize, serialize } from 'node:v8';
import type { RenderResult, RenderTask } from '../batch/task.ts';

export const encodeTask = (task: RenderTask): string => serialize(task).toString('base64');

export const decodeTask = (data: string): RenderTask => deserialize(Buffer.from(data, 'base64')) as RenderTask;

/** A part job's result (PNG/SVG/PDF bytes) back to the build, the same way. */
export const encodeResult = (result: RenderResult): string => serialize(result).toString('base64');

export const decodeResult = (data: string): RenderResult => deserialize(Buffer.from(data, 'base64')) as RenderResult;
