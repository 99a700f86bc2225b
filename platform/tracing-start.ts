/**
 * Imported first by each process's main, before anything loads `pg` or `http`: starts tracing if an
 * OTLP endpoint is configured (platform/tracing.ts), so the instrumentations can wrap those modules.
 */
import { startTracing } from './tracing';

startTracing();
