import type { Child } from 'hono/jsx';

export interface SummaryRow {
  key: Child;
  value: Child;
  /** A "Change" link; `visuallyHiddenText` finishes the sentence for screen readers ("Change name"). */
  action?: { href: string; text?: string; visuallyHiddenText: string };
}

/** GOV.UK summary list, as used on "check your answers" pages. */
export function SummaryList(props: { rows: SummaryRow[]; noBorder?: boolean }) {
  const anyActions = props.rows.some((row) => row.action);
  return (
    <dl class={props.noBorder ? 'govuk-summary-list govuk-summary-list--no-border' : 'govuk-summary-list'}>
      {props.rows.map((row) => (
        <div
          class={
            anyActions && !row.action
              ? 'govuk-summary-list__row govuk-summary-list__row--no-actions'
              : 'govuk-summary-list__row'
          }
        >
          <dt class="govuk-summary-list__key">{row.key}</dt>
          <dd class="govuk-summary-list__value">{row.value}</dd>
          {row.action ? (
            <dd class="govuk-summary-list__actions">
              <a class="govuk-link" href={row.action.href}>
                {row.action.text ?? 'Change'}
                <span class="govuk-visually-hidden"> {row.action.visuallyHiddenText}</span>
              </a>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}
