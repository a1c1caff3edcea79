import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { expect, test } from 'vitest';

/**
 * The test cases the govuk-frontend package publishes for each component (`fixtures.json`: the macro's
 * options and the HTML its Nunjucks template renders), so that a Frontend upgrade that changes a
 * component's markup fails here until our JSX copy follows it.
 */
export interface FrontendFixture {
  name: string;
  options: any;
  html: string;
}

const require = createRequire(import.meta.url);
const componentsDir = path.join(
  path.dirname(require.resolve('govuk-frontend/package.json')),
  'dist',
  'govuk',
  'components',
);

export function frontendFixtures(component: string): FrontendFixture[] {
  const file = path.join(componentsDir, component, 'fixtures.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { fixtures: FrontendFixture[] }).fixtures;
}

/**
 * A macro's `{ text }` or `{ html }` as a JSX child: text is escaped by hono/jsx, html passes as it is.
 * Empty (or `false`) in both is no content, as the templates treat it.
 */
export function content(option: { text?: string; html?: string } | undefined): Child {
  if (option?.html) return raw(option.html);
  return option?.text || undefined;
}

const VOID_ELEMENTS = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'wbr']);
const TOKEN =
  /<!--[\s\S]*?-->|<\/?([a-zA-Z][\w-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>|[^<]+/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (entity[0] !== '#') return named[entity.toLowerCase()] ?? '';
    const code =
      entity[1] === 'x' || entity[1] === 'X' ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
    return String.fromCodePoint(code);
  });
}

function encode(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * HTML as one line per tag or text, so that two renderings compare equal when they differ only in
 * whitespace, the order of attributes or of class names, quoting, entity spelling, `hidden` against
 * `hidden=""` or `<input>` against `<input />`. Comments are dropped.
 */
export function normaliseHtml(html: string): string {
  const lines: string[] = [];
  for (const match of html.matchAll(TOKEN)) {
    const [token, tagName, attributeText] = match;
    if (token.startsWith('<!--')) continue;
    if (tagName === undefined) {
      const text = collapse(decodeEntities(token));
      if (text) lines.push(encode(text));
      continue;
    }
    const name = tagName.toLowerCase();
    if (token.startsWith('</')) {
      if (!VOID_ELEMENTS.has(name)) lines.push(`</${name}>`);
      continue;
    }
    const attributes = [...(attributeText ?? '').matchAll(ATTRIBUTE)].map(([, key, double, single, bare]) => {
      let value = collapse(decodeEntities(double ?? single ?? bare ?? ''));
      if (key === 'class') value = value.split(' ').sort().join(' ');
      return `${(key ?? '').toLowerCase()}="${encode(value)}"`;
    });
    lines.push(`<${[name, ...attributes.sort()].join(' ')}>`);
  }
  return lines.join('\n');
}

/**
 * One test per published fixture: the component's rendering of the mapped options must equal the
 * Frontend's. `skipped` names the fixtures that use options the component deliberately does not take,
 * each with the reason; a name there that the package no longer publishes fails, to keep the list true.
 */
export function testFrontendFixtures(
  component: string,
  render: (options: FrontendFixture['options']) => Child,
  skipped: Record<string, string>,
): void {
  const fixtures = frontendFixtures(component);
  test(`every fixture skipped for ${component} is still published`, () => {
    const names = new Set(fixtures.map((fixture) => fixture.name));
    expect(Object.keys(skipped).filter((name) => !names.has(name))).toEqual([]);
  });
  for (const fixture of fixtures) {
    const reason = skipped[fixture.name];
    if (reason !== undefined) {
      test.skip(`${component}: ${fixture.name} (not supported: ${reason})`, () => {});
      continue;
    }
    test(`${component}: ${fixture.name} renders as the Frontend's template does`, async () => {
      const rendered = String(await (render(fixture.options) as { toString(): string | Promise<string> }).toString());
      expect(normaliseHtml(rendered)).toBe(normaliseHtml(fixture.html));
    });
  }
}
