// Where the queue lives: a redis:// URL → BullMQ's connection options, and the queue's name. Every
// command waits through a Redis restart (ioredis reconnects; no per-request retry limit), so a
// worker or a build survives Redis going away for a while.
import type { ConnectionOptions } from 'bullmq';

export const QUEUE_NAME = 'threadeck-render';

export function redisConnection(url: string): ConnectionOptions {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`not a redis:// URL: "${url}"`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new Error(`expected redis://HOST:PORT, got "${url}"`);
  return {
    host: u.hostname || '127.0.0.1',
    port: Number(u.port || 6379),
    ...(u.username && { username: decodeURIComponent(u.username) }),
    ...(u.password && { password: decodeURIComponent(u.password) }),
    ...(u.pathname.length > 1 && { db: Number(u.pathname.slice(1)) }),
    ...(u.protocol === 'rediss:' && { tls: {} }),
    maxRetriesPerRequest: null,
    // Back off up to 2 s between reconnection attempts, forever.
    retryStrategy: (times: number) => Math.min(100 * times, 2000),
  };
}
