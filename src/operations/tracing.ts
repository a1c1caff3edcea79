import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { MongoDBInstrumentation } from '@opentelemetry/instrumentation-mongodb';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { routePath } from 'hono/route';
import { useRequestTracer } from '../core/request-span.js';

/**
 * OpenTelemetry traces, sent over OTLP/HTTP (JSON) to OTEL_EXPORTER_OTLP_ENDPOINT (the exporter
 * reads the standard OTEL_EXPORTER_OTLP_* variables itself). src/index.ts loads this module only
 * when that variable is set, and before the MongoDB driver is first loaded, which the driver's
 * instrumentation needs. Each request gets one span named by its route pattern; MongoDB commands
 * and Meilisearch calls (fetch, through undici) made while it runs are its children. Commands of
 * the background workers, which run outside any request, are not traced.
 */
export function startTracing(serviceName = process.env.OTEL_SERVICE_NAME || 'supported-internships') {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [
      new BatchSpanProcessor({
        exporter: new OTLPTraceExporter(),
        // The standard variable; the SDK's own default is 5 s.
        scheduledDelayMillis: Number(process.env.OTEL_BSP_SCHEDULE_DELAY) || 5000,
      }),
    ],
  });
  trace.setGlobalTracerProvider(provider);
  registerInstrumentations({
    instrumentations: [
      // Without enhanced reporting the statement keeps field names and drops values: no personal data.
      new MongoDBInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
      new UndiciInstrumentation({ requireParentforSpans: true }),
    ],
  });
  const tracer = trace.getTracer(serviceName);
  useRequestTracer((c, next) =>
    tracer.startActiveSpan(c.req.method, { kind: SpanKind.SERVER }, async (span) => {
      try {
        await next();
      } finally {
        const route = routePath(c, -1);
        span.updateName(`${c.req.method} ${route}`);
        span.setAttributes({
          'http.request.method': c.req.method,
          'http.route': route,
          'http.response.status_code': c.res.status,
        });
        if (c.res.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      }
    }),
  );
  return provider;
}
