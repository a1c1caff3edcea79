import type { Context, Next } from 'hono';

/** Runs the rest of a request inside its trace span; without tracing, just runs it. */
export type RequestTracer = (c: Context, next: Next) => Promise<void>;

let traceRequest: RequestTracer = (_c, next) => next();

/**
 * Set once by src/operations/tracing.ts when an exporter endpoint is configured. A hook rather
 * than an import, so that a service without tracing never loads the OpenTelemetry SDK.
 */
export function useRequestTracer(tracer: RequestTracer): void {
  traceRequest = tracer;
}

export function tracedRequest(c: Context, next: Next): Promise<void> {
  return traceRequest(c, next);
}
