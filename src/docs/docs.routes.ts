import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from '../core/http/env.js';

const swaggerUiDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** Assets are served from the installed package so the docs work offline and load no third-party script. */
const assets: Record<string, { file: string; type: string }> = {
  'swagger-ui.css': { file: path.join(swaggerUiDir, 'swagger-ui.css'), type: 'text/css; charset=utf-8' },
  'swagger-ui-bundle.js': {
    file: path.join(swaggerUiDir, 'swagger-ui-bundle.js'),
    type: 'text/javascript; charset=utf-8',
  },
};

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Supported internships API reference</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
  <main id="swagger-ui" aria-label="API reference"></main>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/docs/assets/init.js"></script>
</body>
</html>`;

const init = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true, persistAuthorization: false });`;

const docsPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Interactive API docs at /docs, rendering /openapi.json with Swagger UI. */
export function docsRoutes() {
  const app = new Hono<AppEnv>();
  const cache = new Map<string, Buffer>();
  app.get('/docs', (c) => {
    c.header('Content-Security-Policy', docsPolicy);
    return c.html(page);
  });
  app.get('/docs/assets/init.js', (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(init);
  });
  app.get('/docs/assets/:name', async (c) => {
    const asset = assets[c.req.param('name')];
    if (!asset) return c.notFound();
    let content = cache.get(asset.file);
    if (!content) {
      content = await readFile(asset.file);
      cache.set(asset.file, content);
    }
    c.header('Content-Type', asset.type);
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(new Uint8Array(content));
  });
  return app;
}
