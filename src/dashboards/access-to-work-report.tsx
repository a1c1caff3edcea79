import { accessToWorkFigureWords } from './access-to-work-figures.js';

/** The report's Access to Work figures, each with what it counts, from the dashboard's own definitions. */
export function AccessToWorkReport(props: { figures: Record<string, unknown>; definitions: Record<string, string> }) {
  return (
    <section aria-labelledby="access-to-work">
      <h2 class="govuk-heading-m" id="access-to-work">
        Access to Work
      </h2>
      <p class="govuk-body">
        Whether job coaching was funded in time, how long Access to Work took to decide, how much of the awarded job
        coaching was given, and how the monthly claims went. Only young people whose internship started are counted.
      </p>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--s">Access to Work figures</caption>
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
                {accessToWorkFigureWords[figure as keyof typeof accessToWorkFigureWords] ?? figure}
              </th>
              <td class="govuk-table__cell govuk-table__cell--numeric">
                {value === null || value === undefined ? '–' : String(value)}
              </td>
              <td class="govuk-table__cell govuk-body-s">{props.definitions[`accessToWork.${figure}`] ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
