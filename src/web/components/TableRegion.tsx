import type { Child } from 'hono/jsx';

/**
 * A table's own scrolling area: where a table is wider than a phone (320 px), it scrolls inside
 * this region and the page does not scroll sideways (WCAG 1.4.10). The region is labelled and
 * takes focus, so that it can be scrolled with the keyboard too.
 */
export function TableRegion(props: { label: string; children: Child }) {
  return (
    <div class="app-table-region" role="region" aria-label={props.label} tabindex={0}>
      {props.children}
    </div>
  );
}
