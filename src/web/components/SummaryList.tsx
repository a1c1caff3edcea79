import type { Child } from 'hono/jsx';

/** A link beside a row; `visuallyHiddenText` finishes the sentence for screen readers ("Change name"). */
export interface SummaryAction {
  href: string;
  text?: string;
  visuallyHiddenText: string;
}

export interface SummaryRow {
  key: Child;
  value: Child;
  /** A "Change" link, or several (as "Change" and "Remove" in a list of things added one by one). */
  action?: SummaryAction | SummaryAction[];
}

function ActionLink(props: { action: SummaryAction }) {
  return (
    <a class="govuk-link" href={props.action.href}>
      {props.action.text ?? 'Change'}
      <span class="govuk-visually-hidden"> {props.action.visuallyHiddenText}</span>
    </a>
  );
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
              {Array.isArray(row.action) ? (
                <ul class="govuk-summary-list__actions-list">
                  {row.action.map((action) => (
                    <li class="govuk-summary-list__actions-list-item">
                      <ActionLink action={action} />
                    </li>
                  ))}
                </ul>
              ) : (
                <ActionLink action={row.action} />
              )}
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}
