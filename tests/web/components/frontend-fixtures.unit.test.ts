import { describe, expect, test } from 'vitest';
import { normaliseHtml } from './frontend-fixtures.js';

describe('normaliseHtml', () => {
  test('ignores whitespace, attribute and class order, quoting, entity spelling and void-tag style', () => {
    expect(normaliseHtml(`<div class="b a"  id='x'>\n  It&#39;s <input hidden type=text>\n</div>`)).toBe(
      normaliseHtml(`<div id="x" class="a b">It's <input type="text" hidden="" /></div>`),
    );
  });

  test('still tells apart different text, attributes, attribute values and elements', () => {
    const base = normaliseHtml('<p id="a" class="x">Hello</p>');
    expect(normaliseHtml('<p id="a" class="x">Hello there</p>')).not.toBe(base);
    expect(normaliseHtml('<p class="x">Hello</p>')).not.toBe(base);
    expect(normaliseHtml('<p id="b" class="x">Hello</p>')).not.toBe(base);
    expect(normaliseHtml('<div id="a" class="x">Hello</div>')).not.toBe(base);
    expect(normaliseHtml('<p id="a" class="x"><span>Hello</span></p>')).not.toBe(base);
  });
});
