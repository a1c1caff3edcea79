import type { Child } from 'hono/jsx';

/** GOV.UK confirmation panel, for the page after something is done. */
export function Panel(props: { title: Child; children?: Child }) {
  return (
    <div class="govuk-panel govuk-panel--confirmation">
      <h1 class="govuk-panel__title">{props.title}</h1>
      {props.children ? <div class="govuk-panel__body">{props.children}</div> : null}
    </div>
  );
}
