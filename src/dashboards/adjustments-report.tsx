import { adjustmentFigureWords } from './adjustment-figures.js';

/** The report's workplace adjustment figures, each with what it counts, from the dashboard's own definitions. */
export function AdjustmentsReport(props: {
  figures: Record<string, unknown>;
  definitions: Record<string, string>;
  whose: string;
}) {
  return (
    <section aria-labelledby="adjustments">
      <h2 class="govuk-heading-m" id="adjustments">
        Workplace adjustments
      </h2>
      <p class="govuk-body">
        The adjustments asked of {props.whose}: how many were agreed or not possible, how many were in place within 2
        weeks of the start, and whether the young people said they help. No young person’s words are counted or shown.
      </p>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--s">Workplace adjustment figures</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              Figure
            </th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">
              Value
            </th>
            <th scope="col" class="govuk-table__header">
              What it counts
            </th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {Object.entries(props.figures).map(([figure, value]) => (
            <tr class="govuk-table__row">
              <th scope="row" class="govuk-table__header">
                {adjustmentFigureWords[figure as keyof typeof adjustmentFigureWords] ?? figure}
              </th>
              <td class="govuk-table__cell govuk-table__cell--numeric">
                {value === null || value === undefined ? '–' : String(value)}
              </td>
              <td class="govuk-table__cell govuk-body-s">{props.definitions[`adjustments.${figure}`] ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
