import type { Child } from 'hono/jsx';
import { classNames, type HtmlAttributes } from './FormParts.js';

/** GOV.UK inset text: a quotation, an example or extra information set apart from the text around it. */
export function InsetText(props: { children: Child; id?: string; classes?: string; attributes?: HtmlAttributes }) {
  return (
    <div id={props.id} class={classNames('govuk-inset-text', props.classes)} {...props.attributes}>
      {props.children}
    </div>
  );
}
