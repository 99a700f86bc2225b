import { basename, dirname } from 'node:path';
import { isSpanContextValid, trace, type Attributes, type Context } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, type ReadableSpan, type Span, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/**
 * OpenTelemetry traces across the gateway, the subgraphs and PostgreSQL, exported by OTLP (HTTP)
 * only when an endpoint is configured: otherwise no SDK is loaded into the process's hot path, no
 * span is recorded and nothing leaves the machine.
 *
 * What a span may carry is decided here, not by each instrumentation's defaults: no SQL parameter
 * values (instrumentation-pg's enhanced reporting stays off, and literals in statement text are
 * blanked), no GraphQL document or variables (the gateway is told not to include the document), no
 * headers (tokens travel there), no query strings, and nothing else in an attribute whose value
 * could name a child.
 */

/** Where spans go: `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, or `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/traces` (the OTel convention). */
export function tracesEndpoint(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.OTEL_SDK_DISABLED === 'true') return null;
  if (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT) return `${env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces`;
  return null;
}

/** SQL with its string and number literals blanked: our statements are parameterised, this is for any that is not. */
export function withoutLiterals(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'/g, "'?'").replace(/(?<![\w$])-?\d+(?:\.\d+)?(?![\w])/g, '?');
}

/** A URL or target without its query string (an identifier could travel there). */
export function withoutQuery(url: string): string {
  const at = url.indexOf('?');
  return at < 0 ? url : url.slice(0, at);
}

const URL_ATTRIBUTES = ['http.url', 'http.target', 'url.full', 'url.path', 'http.route'];
const DROPPED_ATTRIBUTES = ['url.query', 'graphql.document', 'db.statement.parameters', 'http.user_agent', 'user_agent.original'];
const STATEMENT_ATTRIBUTES = ['db.statement', 'db.query.text'];

/** Keeps only what a span may say (see the module's comment), whatever an instrumentation recorded. */
export function sanitizeAttributes(attributes: Attributes): void {
  const mutable = attributes as Record<string, unknown>;
  for (const key of Object.keys(mutable)) {
    const value = mutable[key];
    if (DROPPED_ATTRIBUTES.includes(key) || key.startsWith('http.request.header.') || key.startsWith('http.response.header.')) delete mutable[key];
    else if (typeof value === 'string' && URL_ATTRIBUTES.includes(key)) mutable[key] = withoutQuery(value);
    else if (typeof value === 'string' && STATEMENT_ATTRIBUTES.includes(key)) mutable[key] = withoutLiterals(value);
  }
}

/** Applies the attribute rules to every span as it ends, before any exporter sees it. */
class SanitizingSpanProcessor implements SpanProcessor {
  onStart(_span: Span, _parent: Context): void {}
  onEnd(span: ReadableSpan): void {
    sanitizeAttributes(span.attributes);
    // Events carry attributes too (an exception's message could quote a value): keep their names only.
    for (const event of span.events) if (event.attributes) for (const key of Object.keys(event.attributes)) delete event.attributes[key];
  }
  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

let provider: NodeTracerProvider | null = null;

/**
 * Starts tracing for this process if an OTLP endpoint is configured; returns whether it did. Call it
 * before anything loads `pg` or `http` (each process's main imports `./tracing` first), so the
 * instrumentations can wrap them. The service name is `OTEL_SERVICE_NAME`, else the folder of the
 * process's entry script (`gateway`, `civil-affairs`, …).
 */
export function startTracing(env: NodeJS.ProcessEnv = process.env): boolean {
  const url = tracesEndpoint(env);
  if (!url || provider) return provider !== null;
  const serviceName = env.OTEL_SERVICE_NAME || basename(dirname(process.argv[1] ?? 'child-registry'));
  provider = new NodeTracerProvider({ resource: new Resource({ 'service.name': serviceName }) });
  provider.addSpanProcessor(new SanitizingSpanProcessor());
  provider.addSpanProcessor(new BatchSpanProcessor(new OTLPTraceExporter({ url })));
  // The default propagator is W3C trace context (traceparent/tracestate), the default context manager AsyncLocalStorage.
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        // Liveness, readiness and metrics polls would drown the traces that matter.
        ignoreIncomingRequestHook: (request) => /^\/(health|metrics)/.test(request.url ?? ''),
      }),
      new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true }),
    ],
  });
  return true;
}

/** Sends the spans still buffered (at shutdown, so a restart does not lose the last requests' traces). */
export async function stopTracing(): Promise<void> {
  await provider?.shutdown();
}

/** The trace and span ids of the running span, for log lines; empty when tracing is off. */
export function traceFields(): { trace_id?: string; span_id?: string } {
  const context = trace.getActiveSpan()?.spanContext();
  return context && isSpanContextValid(context) ? { trace_id: context.traceId, span_id: context.spanId } : {};
}
