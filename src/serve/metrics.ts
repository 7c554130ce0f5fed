// /metrics in Prometheus format (prom-client): requests by status, render seconds, queue depth,
// children restarted. A registry of its own, so nothing global leaks between servers in one process.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface ServeMetrics {
  registry: Registry;
  requests: Counter<'route' | 'status'>;
  renderSeconds: Histogram<'format'>;
}

export function serveMetrics(sample: { queueDepth: () => number; running: () => number; restarts: () => number }): ServeMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'threadeck_' });
  const requests = new Counter({ name: 'threadeck_requests_total', help: 'HTTP requests by route and status', labelNames: ['route', 'status'], registers: [registry] });
  const renderSeconds = new Histogram({
    name: 'threadeck_render_seconds',
    help: 'Render time in a child, by format',
    labelNames: ['format'],
    buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60],
    registers: [registry],
  });
  new Gauge({ name: 'threadeck_queue_depth', help: 'Requests waiting for a render child', registers: [registry], collect() { this.set(sample.queueDepth()); } });
  new Gauge({ name: 'threadeck_renders_running', help: 'Renders in progress', registers: [registry], collect() { this.set(sample.running()); } });
  new Gauge({ name: 'threadeck_children_restarted', help: 'Render children replaced after a crash or a deadline', registers: [registry], collect() { this.set(sample.restarts()); } });
  return { registry, requests, renderSeconds };
}
