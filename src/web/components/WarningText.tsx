import type { Child } from 'hono/jsx';
import { classNames, type HtmlAttributes } from './FormParts.js';

/** GOV.UK warning text: something people must not miss, such as a legal consequence. */
export function WarningText(props: {
  children: Child;
  /** What a screen reader says instead of the "!" icon. */
  iconFallbackText?: string;
  classes?: string;
  attributes?: HtmlAttributes;
}) {
  return (
    <div class={classNames('govuk-warning-text', props.classes)} {...props.attributes}>
      <span class="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong class="govuk-warning-text__text">
        <span class="govuk-visually-hidden">{props.iconFallbackText || 'Warning'}</span>
        {props.children}
      </strong>
    </div>
  );
}
