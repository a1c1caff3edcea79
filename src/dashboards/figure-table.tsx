import { Table } from '../web/components/Table.js';

/** A block of report figures: each figure's name, its value and what it counts (from the dashboard's definitions). */
export function FigureTable(props: {
  caption: string;
  figures: Record<string, unknown>;
  words: Record<string, string>;
  definitions: Record<string, string>;
  /** The figures' key in `definitions`: `accessToWork` for `accessToWork.<figure>`. */
  definitionsKey: string;
}) {
  return (
    <Table
      caption={props.caption}
      captionClasses="govuk-table__caption--s"
      firstCellIsHeader
      head={[{ text: 'Figure' }, { text: 'Value', format: 'numeric' }, { text: 'What it counts' }]}
      rows={Object.entries(props.figures).map(([figure, value]) => [
        { text: props.words[figure] ?? figure },
        { text: value === null || value === undefined ? '–' : String(value), format: 'numeric' },
        { text: props.definitions[`${props.definitionsKey}.${figure}`] ?? '', classes: 'govuk-body-s' },
      ])}
    />
  );
}
