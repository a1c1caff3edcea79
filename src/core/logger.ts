import { type Logger, pino } from 'pino';

export type { Logger };

/**
 * Structured JSON logs on stdout. Log lines carry ids, routes, statuses and timings only:
 * never names, emails, passport contents, tokens or request bodies. The redaction list is a
 * second line of defence for fields that must never appear even by mistake.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: ['password', '*.password', 'token', '*.token', 'authorization', '*.authorization', 'email', '*.email'],
      censor: '[redacted]',
    },
  });
}

/**
 * What the logs keep of an error: its type, code and stack frames. The message is dropped
 * because driver messages can quote document values (a duplicate email, for example).
 */
export function errorSummary(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const frames = (error.stack ?? '')
    .split('\n')
    .slice(1, 8)
    .map((line) => line.trim());
  const code = (error as { code?: unknown }).code;
  return { name: error.name, ...(code === undefined ? {} : { code }), frames };
}
