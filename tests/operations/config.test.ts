import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/core/config.js';

function problemsFor(env: Record<string, string>) {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected the configuration to be refused');
}

describe('configuration', () => {
  it('has working defaults for a development machine', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.BODY_LIMIT_BYTES).toBe(1024 * 1024);
    expect(config.MONGODB_URI).toBeUndefined();
    expect(config.MEILI_URL).toBeUndefined();
    expect(config.CORS_ORIGINS).toEqual([]);
    expect(config.ACCESS_TOKEN_TTL_SECONDS).toBe(900);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ MONGODB_URI: '', MEILI_URL: '  ' }).MONGODB_URI).toBeUndefined();
  });

  it('limits the embedded Meilisearch for a small machine by default, and an empty value leaves it to Meilisearch', () => {
    expect(loadConfig({})).toMatchObject({ MEILI_MAX_INDEXING_MEMORY: '256MiB', MEILI_MAX_INDEXING_THREADS: 1 });
    expect(loadConfig({ MEILI_MAX_INDEXING_MEMORY: '1GiB', MEILI_MAX_INDEXING_THREADS: '2' })).toMatchObject({
      MEILI_MAX_INDEXING_MEMORY: '1GiB',
      MEILI_MAX_INDEXING_THREADS: 2,
    });
    const unset = loadConfig({ MEILI_MAX_INDEXING_MEMORY: '', MEILI_MAX_INDEXING_THREADS: '' });
    expect(unset.MEILI_MAX_INDEXING_MEMORY).toBeUndefined();
    expect(unset.MEILI_MAX_INDEXING_THREADS).toBeUndefined();
    expect(
      problemsFor({ MEILI_MAX_INDEXING_MEMORY: 'lots', MEILI_MAX_INDEXING_THREADS: '0' }).problems.map(
        (p) => p.variable,
      ),
    ).toEqual(['MEILI_MAX_INDEXING_MEMORY', 'MEILI_MAX_INDEXING_THREADS']);
  });

  it('takes a metrics token of 32 or more printable characters, and says in plain words what is wrong with a short one', () => {
    expect(loadConfig({}).METRICS_TOKEN).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: 'a'.repeat(32) }).METRICS_TOKEN).toBe('a'.repeat(32));
    expect(problemsFor({ METRICS_TOKEN: 'short' }).problems).toEqual([
      { variable: 'METRICS_TOKEN', message: 'must be at least 32 characters (for example, openssl rand -hex 32)' },
    ]);
    expect(problemsFor({ METRICS_TOKEN: `${'a'.repeat(32)} b` }).problems).toEqual([
      { variable: 'METRICS_TOKEN', message: 'must be letters, digits and punctuation, with no spaces' },
    ]);
  });

  it('names the variable and the problem when a value is bad', () => {
    const error = problemsFor({ PORT: 'eighty' });
    expect(error.problems).toEqual([{ variable: 'PORT', message: 'must be a whole number' }]);
    expect(error.message).toContain('PORT: must be a whole number');
    expect(error.message).toContain('docs/configuration.md');
  });

  it('reports every bad variable at once', () => {
    const error = problemsFor({
      PORT: '70000',
      MONGODB_URI: 'postgres://x',
      LOG_LEVEL: 'loud',
      CORS_ORIGINS: 'https://ok.org, not a url',
    });
    const variables = error.problems.map((p) => p.variable).sort();
    expect(variables).toEqual(['CORS_ORIGINS', 'LOG_LEVEL', 'MONGODB_URI', 'PORT']);
    expect(error.message).toContain('MONGODB_URI: must start with mongodb:// or mongodb+srv://');
    expect(error.message).toContain('"not a url" is not an origin');
  });

  it('parses CORS origins as a list', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, http://localhost:5173' }).CORS_ORIGINS).toEqual([
      'https://a.example',
      'http://localhost:5173',
    ]);
  });

  it('needs all three OIDC variables or none', () => {
    const error = problemsFor({ OIDC_ISSUER: 'https://id.example' });
    expect(error.problems.map((p) => p.variable).sort()).toEqual(['OIDC_AUDIENCE', 'OIDC_JWKS_URL']);
  });

  it('refuses to run in production without a token-key secret', () => {
    const error = problemsFor({ NODE_ENV: 'production' });
    expect(error.problems).toContainEqual({
      variable: 'TOKEN_KEYS_SECRET',
      message: expect.stringContaining('required in production'),
    });
  });

  it('does not echo secret values in its messages', () => {
    const error = problemsFor({ TOKEN_KEYS_SECRET: 'short-secret-value' });
    expect(error.message).toContain('TOKEN_KEYS_SECRET: must be at least 32 characters');
    expect(error.message).not.toContain('short-secret-value');
  });
});
