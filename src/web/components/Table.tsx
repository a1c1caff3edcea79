import type { Child } from 'hono/jsx';
import { classNames, type HtmlAttributes } from './FormParts.js';

export interface TableCell {
  text: Child;
  /** `numeric` right-aligns the cell, for figures people compare down a column. */
  format?: 'numeric';
  classes?: string;
  colspan?: number;
  rowspan?: number;
  attributes?: HtmlAttributes;
}

export interface TableProps {
  caption?: Child;
  captionClasses?: string;
  head?: TableCell[];
  rows: TableCell[][];
  /** The first cell of each row names the row (`<th scope="row">`). */
  firstCellIsHeader?: boolean;
  classes?: string;
  attributes?: HtmlAttributes;
}

/** GOV.UK table. Where it may be wider than a phone, put it in a `TableRegion`. */
export function Table(props: TableProps) {
  return (
    <table class={classNames('govuk-table', props.classes)} {...props.attributes}>
      {props.caption ? (
        <caption class={classNames('govuk-table__caption', props.captionClasses)}>{props.caption}</caption>
      ) : null}
      {props.head ? (
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            {props.head.map((cell) => (
              <th
                scope="col"
                class={classNames(
                  'govuk-table__header',
                  cell.format && `govuk-table__header--${cell.format}`,
                  cell.classes,
                )}
                colspan={cell.colspan}
                rowspan={cell.rowspan}
                {...cell.attributes}
              >
                {cell.text}
              </th>
            ))}
          </tr>
        </thead>
      ) : null}
      <tbody class="govuk-table__body">
        {props.rows.map((row) => (
          <tr class="govuk-table__row">
            {row.map((cell, index) =>
              index === 0 && props.firstCellIsHeader ? (
                <th
                  scope="row"
                  class={classNames('govuk-table__header', cell.classes)}
                  colspan={cell.colspan}
                  rowspan={cell.rowspan}
                  {...cell.attributes}
                >
                  {cell.text}
                </th>
              ) : (
                <td
                  class={classNames(
                    'govuk-table__cell',
                    cell.format && `govuk-table__cell--${cell.format}`,
                    cell.classes,
                  )}
                  colspan={cell.colspan}
                  rowspan={cell.rowspan}
                  {...cell.attributes}
                >
                  {cell.text}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
