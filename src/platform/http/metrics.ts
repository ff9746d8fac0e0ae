// Prometheus metrics: the default process metrics plus request counts and durations per route.
import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { UnauthorizedError } from '../errors.js';

/** Constant-time comparison, so response timing does not reveal how much of a token matched. */
function sameSecret(given: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'allmanning_' });
  return registry;
}

export function installMetrics(app: FastifyInstance, registry: Registry, token: string | undefined): void {
  const requests = new Counter({
    name: 'allmanning_http_requests_total',
    help: 'HTTP requests answered, by method, route and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'allmanning_http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  // prom-client hashes a label object on every call; the bound children per method, route and
  // status are kept instead (a bounded set: routes are patterns, statuses few).
  const bound = new Map<string, { count: () => void; observe: (seconds: number) => void }>();
  app.addHook('onResponse', (request, reply, done) => {
    // The route pattern, not the raw URL, keeps label cardinality bounded.
    const route = request.routeOptions.url ?? 'unmatched';
    const key = `${request.method} ${reply.statusCode} ${route}`;
    let child = bound.get(key);
    if (!child) {
      const counter = requests.labels(request.method, route, String(reply.statusCode));
      const histogram = duration.labels(request.method, route);
      child = { count: () => counter.inc(), observe: (seconds) => histogram.observe(seconds) };
      bound.set(key, child);
    }
    child.count();
    child.observe(reply.elapsedTime / 1000);
    done();
  });
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (token && !sameSecret(request.headers.authorization ?? '', `Bearer ${token}`)) throw new UnauthorizedError();
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
