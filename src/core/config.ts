import { z } from 'zod';

/**
 * The whole service configuration, read once from the environment at start.
 * Every variable is documented in docs/configuration.md; keep the two in step.
 */
const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const integer = (min: number, max: number) =>
  z.coerce
    .number({ message: 'must be a whole number' })
    .int({ message: 'must be a whole number' })
    .min(min, { message: `must be at least ${min}` })
    .max(max, { message: `must be at most ${max}` });

const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });

const schema = z
  .object({
    NODE_ENV: z
      .enum(['development', 'test', 'production'], { message: 'must be development, test or production' })
      .default('development'),
    HOST: z.string().trim().min(1).default('127.0.0.1'),
    PORT: integer(0, 65535).default(3000),
    /**
     * How long an idle kept-alive connection stays open. Longer than a load balancer keeps its own
     * (nginx upstreams and AWS load balancers: 60 s), or it may send a request down a connection
     * the service is closing, and answer it 502.
     */
    HTTP_KEEP_ALIVE_TIMEOUT_MS: integer(1000, 600_000).default(65_000),
    DATA_DIR: z.string().trim().min(1).default('.data'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        message: 'must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
    BODY_LIMIT_BYTES: integer(1024, 50 * 1024 * 1024).default(1024 * 1024),
    CORS_ORIGINS: z
      .string()
      .default('')
      .transform((value, ctx) => {
        const origins = value
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean);
        for (const origin of origins) {
          if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
            ctx.addIssue({ code: 'custom', message: `"${origin}" is not an origin like https://example.org` });
          }
        }
        return origins;
      }),
    TRUST_PROXY: booleanFlag.default(false),

    MONGODB_URI: optionalString.pipe(
      z
        .string()
        .regex(/^mongodb(\+srv)?:\/\/\S+$/, { message: 'must start with mongodb:// or mongodb+srv://' })
        .optional(),
    ),
    MONGODB_DB: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,63}$/, { message: 'must be 1-63 letters, digits, _ or -' })
      .default('internships'),
    MONGOD_BIN: optionalString,
    MONGOD_AUTO_INSTALL: booleanFlag.default(true),
    MONGO_TIMEOUT_MS: integer(100, 120_000).default(5000),

    MEILI_URL: optionalString.pipe(httpUrl.optional()),
    MEILI_MASTER_KEY: optionalString,
    MEILI_BIN: optionalString,
    MEILI_INDEX_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_-]{0,40}$/, { message: 'must be up to 40 letters, digits, _ or -' })
      .default(''),
    MEILI_TIMEOUT_MS: integer(100, 120_000).default(5000),
    // For the embedded Meilisearch: its own defaults (two thirds of the machine's memory, half its
    // cores) let one indexing batch take gigabytes of heap; see "Meilisearch memory" in docs/matching.md.
    // An empty value leaves the choice to Meilisearch.
    MEILI_MAX_INDEXING_MEMORY: z
      .string()
      .trim()
      .regex(/^(\d+(\.\d+)?\s?(B|KiB|MiB|GiB|KB|MB|GB))?$/, { message: 'must be a size such as 256MiB or 1GiB' })
      .default('256MiB')
      .transform((value) => (value === '' ? undefined : value)),
    MEILI_MAX_INDEXING_THREADS: z
      .string()
      .trim()
      .regex(/^([1-9]|[1-5]\d|6[0-4])?$/, { message: 'must be a whole number from 1 to 64' })
      .default('1')
      .transform((value) => (value === '' ? undefined : Number(value))),
    SEARCH_RECONCILE_INTERVAL_SECONDS: integer(0, 86_400).default(900),

    JWT_ISSUER: httpUrl.default('http://localhost:3000'),
    JWT_AUDIENCE: z.string().trim().min(1).default('supported-internships-api'),
    ACCESS_TOKEN_TTL_SECONDS: integer(60, 3600).default(900),
    REFRESH_TOKEN_TTL_DAYS: integer(1, 90).default(14),
    TOKEN_KEYS_SECRET: optionalString.pipe(
      z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
    ),
    TOKEN_KEY_ROTATION_DAYS: integer(1, 365).default(30),
    // OWASP's Argon2id recommendation: m = 19 MiB, t = 2, p = 1. Tests lower the memory to stay fast.
    PASSWORD_ARGON2_MEMORY_KIB: integer(1024, 1_048_576).default(19_456),
    PASSWORD_ARGON2_ITERATIONS: integer(1, 10).default(2),

    OIDC_ISSUER: optionalString.pipe(httpUrl.optional()),
    OIDC_AUDIENCE: optionalString,
    OIDC_JWKS_URL: optionalString.pipe(httpUrl.optional()),
    OIDC_ACCOUNT_CLAIM: z.string().trim().min(1).default('email'),

    PUBLIC_URL: httpUrl.default('http://localhost:3000'),
    SMTP_URL: optionalString.pipe(
      z
        .string()
        .regex(/^smtps?:\/\/[^\s/]+(:\d+)?\/?$/, { message: 'must be smtp://[user:pass@]host[:port] or smtps://...' })
        .optional(),
    ),
    MAIL_FROM: z
      .string()
      .trim()
      .regex(/^([^<>@]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/, {
        message: 'must be an address like "Name <noreply@example.org>"',
      })
      .default('Supported internships <no-reply@localhost>'),
    NOTIFY_DAILY_HOUR: integer(0, 23).default(7),

    // Serves GET /metrics to `Authorization: Bearer <METRICS_TOKEN>`; unset, the endpoint does not exist.
    METRICS_TOKEN: optionalString.pipe(
      z
        .string()
        .min(32, { message: 'must be at least 32 characters (for example, openssl rand -hex 32)' })
        .regex(/^[\x21-\x7e]+$/, { message: 'must be letters, digits and punctuation, with no spaces' })
        .optional(),
    ),

    // Standard OpenTelemetry variables: traces are sent (OTLP over HTTP) only when an endpoint is set.
    OTEL_EXPORTER_OTLP_ENDPOINT: optionalString.pipe(httpUrl.optional()),
    OTEL_SERVICE_NAME: z.string().trim().min(1).default('supported-internships'),

    SEED_DEMO_DATA: z.enum(['auto', 'never'], { message: 'must be auto or never' }).default('auto'),
  })
  .superRefine((env, ctx) => {
    const oidc = [env.OIDC_ISSUER, env.OIDC_AUDIENCE, env.OIDC_JWKS_URL];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      for (const name of ['OIDC_ISSUER', 'OIDC_AUDIENCE', 'OIDC_JWKS_URL'] as const) {
        if (!env[name]) {
          ctx.addIssue({ code: 'custom', path: [name], message: 'must be set with the other OIDC_* variables' });
        }
      }
    }
    if (env.NODE_ENV === 'production' && !env.TOKEN_KEYS_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['TOKEN_KEYS_SECRET'],
        message: 'is required in production (at least 32 random characters)',
      });
    }
    if (env.NODE_ENV === 'production' && env.MEILI_URL && !env.MEILI_MASTER_KEY) {
      ctx.addIssue({ code: 'custom', path: ['MEILI_MASTER_KEY'], message: 'is required in production with MEILI_URL' });
    }
  });

export type Config = z.output<typeof schema>;

/** Every variable the configuration reads (compose.yaml may set no other). */
export const configurationVariables: readonly string[] = Object.keys(schema.shape);

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}\n` +
        'See docs/configuration.md.',
    );
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({
    variable: String(issue.path[0] ?? 'environment'),
    message: issue.message,
  }));
  throw new ConfigError(problems);
}
