/**
 * The service's entry point. The MongoDB driver's trace instrumentation must be in place before
 * the driver is first loaded, and a module's static imports are all evaluated before its body, so
 * the service (main.ts) is imported only after tracing has started. The OpenTelemetry SDK itself
 * is loaded only when an exporter endpoint is configured: without one, start-up is as before.
 */
if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim()) {
  const { startTracing } = await import('./operations/tracing.js');
  startTracing();
}
await import('./main.js');
