import { accessToWorkFigureWords } from './access-to-work-figures.js';
import { FigureTable } from './figure-table.js';

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
      <FigureTable
        caption="Access to Work figures"
        figures={props.figures}
        words={accessToWorkFigureWords}
        definitions={props.definitions}
        definitionsKey="accessToWork"
      />
    </section>
  );
}
