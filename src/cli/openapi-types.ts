import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import openapiTS, { type OpenAPI3 } from 'openapi-typescript';
import { createApp } from '../app.js';
import { loadConfig } from '../core/config.js';
import { createLogger } from '../core/logger.js';
import type { Services } from '../services.js';

/**
 * `npm run openapi:types` writes the TypeScript types of the OpenAPI document (paths, operations,
 * schemas) to src/generated/openapi.d.ts; `npm run check:openapi-types` regenerates them and fails
 * when the committed file differs, so the typed contract can never fall behind the routes.
 */
const { values: options } = parseArgs({ options: { check: { type: 'boolean' } } });
const target = new URL('../generated/openapi.d.ts', import.meta.url).pathname.replace('/dist/src/', '/src/');

const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
// Registering routes reads only the configuration and the logger; no store is touched, so none is opened.
const app = createApp({ config, logger: createLogger('silent') } as unknown as Services);
const document = (await (await app.request('/openapi.json')).json()) as OpenAPI3;
const header = '// Generated from GET /openapi.json by `npm run openapi:types`; do not edit.\n';
const types = header + (await openapiTS(document, { alphabetize: true }));

if (options.check) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    committed = '';
  }
  if (committed !== types) {
    process.stderr.write(`${target} is out of date with the routes: run npm run openapi:types and commit it.\n`);
    process.exit(1);
  }
  process.stdout.write('openapi types are up to date\n');
} else {
  writeFileSync(target, types);
  process.stdout.write(`wrote ${target}\n`);
}
