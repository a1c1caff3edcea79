import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import type { WebEnv } from './web.env.js';

const require = createRequire(import.meta.url);
const frontendPackage = path.dirname(require.resolve('govuk-frontend/package.json'));
const frontendDist = path.join(frontendPackage, 'dist', 'govuk');
const frontendVersion: string = JSON.parse(readFileSync(path.join(frontendPackage, 'package.json'), 'utf8')).version;

/** Every asset URL names the Frontend's version, so the files can be cached for a year and still change on upgrade. */
const assetsBase = `/assets/${frontendVersion}`;

export function assetPath(file: string): string {
  return `${assetsBase}/${file}`;
}

/**
 * The Frontend's compiled CSS without GDS Transport (a GOV.UK-only typeface): its @font-face rules
 * are dropped and every font stack falls back to the Frontend's own fallback, so no font is
 * downloaded. Image URLs are pointed at our versioned path.
 */
export function frontendCss(source: string): string {
  return source
    .replace(/@font-face\{font-family:GDS Transport;[^}]*\}/g, '')
    .replace(/font-family:GDS Transport,/g, 'font-family:')
    .replace(/font-family:GDS Transport([;}])/g, 'font-family:arial,sans-serif$1')
    .replace(/url\(\/assets\/images\//g, `url(${assetsBase}/images/`)
    .replace(/\/\*# sourceMappingURL=[^*]*\*\//g, '');
}

/** Our few additions: the service name in the header, the sign-out button in the menu, the footer note. */
const serviceCss = `
.app-header__name{font-weight:700;font-size:1.5rem;line-height:1.25}
.app-sign-out{margin:0;display:inline}
.app-link-button{background:none;border:0;padding:0;margin:0;cursor:pointer;font:inherit;line-height:inherit;text-align:left;color:#1d70b8;text-decoration:underline;text-underline-offset:.1578em}
.app-link-button:hover{color:#0f385c}
.app-link-button:focus{color:#0b0c0c;background-color:#fd0;box-shadow:0 -2px #fd0,0 4px #0b0c0c;text-decoration:none;outline:3px solid transparent}
.app-signed-in{margin-top:15px;margin-bottom:0}
.app-footer__text{margin-top:15px;margin-bottom:0}
.app-section-text{white-space:pre-wrap;overflow-wrap:anywhere}
.govuk-notification-banner__heading,.govuk-notification-banner__content .govuk-body{overflow-wrap:anywhere}
.app-compare{display:grid;grid-template-columns:1fr;gap:20px}
@media (min-width:40.0625em){.app-compare{grid-template-columns:1fr 1fr}}
.app-chart{margin:0 0 30px}
.app-chart__svg{width:100%;height:auto;max-width:640px;display:block}
.app-bars__group{margin-bottom:15px}
.app-bars__svg{display:block;width:100%;max-width:480px;height:30px;margin-top:5px}
.app-chart__key{display:inline-block;width:14px;height:14px;vertical-align:middle;margin-left:10px}
.app-chart__key--worked{background:#1d70b8}
.app-chart__key--support{background:#0b0c0c}
.app-chart__key--paid{background:#00703c}
.app-table-region{overflow-x:auto;margin-bottom:20px;position:relative}
.app-table-region .govuk-table{margin-bottom:0}
.app-table-region:focus{outline:3px solid #fd0;outline-offset:0;box-shadow:inset 0 0 0 2px #0b0c0c}
.app-timeline{border-left:4px solid #1d70b8;padding-left:15px}
.app-timeline__item,.app-inbox__item{margin-bottom:20px}
.app-fit{display:flex;align-items:center;gap:10px;flex-wrap:wrap}
.app-fit__bar{width:120px;height:12px;flex:none}
@media print{.govuk-template__header,.govuk-template__footer,.app-signed-in,.govuk-back-link,.app-no-print{display:none}}
`.trim();

/**
 * Starts GOV.UK Frontend's components, then the idle-timeout warning: 5 minutes before a signed-in
 * session would end, it shows the hidden warning the layout renders and moves focus to its "Stay
 * signed in" button, which renews the session in the background so a half-filled form is not lost.
 * Served as a module from this site, so the CSP allows it. Without JavaScript the footer says when
 * we sign people out, and the sign-in page says why it happened.
 */
const initJs = `import { initAll } from './govuk-frontend.min.js';
initAll();
const warning = document.getElementById('timeout-warning');
if (warning) {
  const idleMs = Number(warning.dataset.idleMinutes) * 60000;
  const noticeMs = 5 * 60000;
  let timer;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      warning.hidden = false;
      warning.querySelector('button').focus();
    }, idleMs - noticeMs);
  };
  warning.querySelector('form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const response = await fetch(event.target.action, { method: 'POST', body: new URLSearchParams(new FormData(event.target)), redirect: 'manual' });
    if (response.status === 204) {
      warning.hidden = true;
      arm();
    } else {
      window.location.reload();
    }
  });
  arm();
}
`;

interface Asset {
  body: Uint8Array<ArrayBuffer>;
  /** The same bytes gzipped once at start, for text files: the CSS goes from about 130 KB to about 20 KB. */
  gzipped?: Uint8Array<ArrayBuffer>;
  type: string;
}

function textAsset(body: string, type: string): Asset {
  const bytes = new Uint8Array(Buffer.from(body, 'utf8'));
  return { body: bytes, gzipped: new Uint8Array(gzipSync(bytes, { level: 9 })), type };
}

function loadAssets(): Map<string, Asset> {
  const read = (file: string) => readFileSync(path.join(frontendDist, file));
  const js = read('govuk-frontend.min.js')
    .toString('utf8')
    .replace(/\/\/# sourceMappingURL=\S+/g, '');
  return new Map<string, Asset>([
    [
      'govuk-frontend.min.css',
      textAsset(frontendCss(read('govuk-frontend.min.css').toString('utf8')), 'text/css; charset=utf-8'),
    ],
    ['govuk-frontend.min.js', textAsset(js, 'text/javascript; charset=utf-8')],
    ['service.css', textAsset(serviceCss, 'text/css; charset=utf-8')],
    ['init.js', textAsset(initJs, 'text/javascript; charset=utf-8')],
    ['images/favicon.ico', { body: new Uint8Array(read('assets/images/favicon.ico')), type: 'image/x-icon' }],
    ['images/favicon.svg', textAsset(read('assets/images/favicon.svg').toString('utf8'), 'image/svg+xml')],
  ]);
}

/** Serves the Frontend's files from the installed package, read once, with a year-long immutable cache. */
export function assetRoutes() {
  const assets = loadAssets();
  const app = new Hono<WebEnv>();
  app.get(`${assetsBase}/:file{.+}`, (c) => {
    const asset = assets.get(c.req.param('file'));
    if (!asset) return c.notFound();
    c.header('Content-Type', asset.type);
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    c.header('X-Content-Type-Options', 'nosniff');
    if (!asset.gzipped) return c.body(asset.body);
    c.header('Vary', 'Accept-Encoding');
    if (!/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) return c.body(asset.body);
    c.header('Content-Encoding', 'gzip');
    return c.body(asset.gzipped);
  });
  return app;
}
