import { collectDefaultMetrics, Counter, Registry } from 'prom-client';

/** One Prometheus registry per process, with the default Node metrics. */
export function createMetrics(service: string) {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL requests handled, by outcome.',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  return { registry, requests };
}

export type Metrics = ReturnType<typeof createMetrics>;
