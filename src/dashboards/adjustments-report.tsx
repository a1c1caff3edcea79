import { adjustmentFigureWords } from './adjustment-figures.js';
import { FigureTable } from './figure-table.js';

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
      <FigureTable
        caption="Workplace adjustment figures"
        figures={props.figures}
        words={adjustmentFigureWords}
        definitions={props.definitions}
        definitionsKey="adjustments"
      />
    </section>
  );
}
