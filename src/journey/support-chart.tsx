export interface ChartWeek {
  weekNumber: number;
  hoursWorked: number;
  supportHours: number;
}

const width = 640;
const height = 240;
const margin = { top: 16, right: 8, bottom: 36, left: 40 };
/** A line after a week, with what it marks ("Intensive coaching ends"). */
export interface ChartMark {
  afterWeek: number;
  label: string;
}

const worked = '#1d70b8';
const support = '#0b0c0c';

/** Where the plot sits in the picture, how wide a week's slot and bar are, and how high an hour reaches. */
interface ChartScale {
  scaleTop: number;
  plotWidth: number;
  plotHeight: number;
  slot: number;
  bar: number;
  y: (hours: number) => number;
}

function scaleFor(weeks: ChartWeek[]): ChartScale {
  const top = Math.max(1, ...weeks.map((week) => Math.max(week.hoursWorked, week.supportHours)));
  const scaleTop = Math.ceil(top / 5) * 5;
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const slot = plotWidth / weeks.length;
  const bar = Math.max(1, Math.min(14, slot / 2 - 2));
  const y = (hours: number) => margin.top + plotHeight - (hours / scaleTop) * plotHeight;
  return { scaleTop, plotWidth, plotHeight, slot, bar, y };
}

/** The chart's text alternative: how support changed from the first week to the last, and the lines drawn. */
function chartSummary(weeks: ChartWeek[], marks: ChartMark[]): string {
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  const change =
    first && last
      ? `Support went from ${first.supportHours} hours in week ${first.weekNumber} to ${last.supportHours} hours in week ${last.weekNumber}.`
      : '';
  const marked = marks.map((mark) => ` A line after week ${mark.afterWeek}: ${mark.label}.`).join('');
  return `${change}${marked} The table below has every week.`;
}

/**
 * Hours worked and job coach support hours, week by week, as an SVG bar chart. It is a picture of
 * the table printed beside it (the table is what screen readers and printouts rely on), so its
 * text alternative says what the picture shows rather than repeating every figure.
 */
export function SupportChart(props: { weeks: ChartWeek[]; marks?: ChartMark[] }) {
  const { weeks } = props;
  // A mark is drawn once the chart reaches its week: after the last week up to it.
  const marks = (props.marks ?? []).filter((mark) => weeks.some((week) => week.weekNumber > mark.afterWeek));
  const scale = scaleFor(weeks);
  return (
    <figure class="app-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby="support-chart-title support-chart-desc"
        focusable="false"
        class="app-chart__svg"
      >
        <title id="support-chart-title">Hours worked and job coach support each week</title>
        <desc id="support-chart-desc">{chartSummary(weeks, marks)}</desc>
        <HourLines scale={scale} />
        <WeekBars weeks={weeks} scale={scale} />
        <MarkLines marks={marks} weeks={weeks} scale={scale} />
        <text x={margin.left + scale.plotWidth / 2} y={height - 4} text-anchor="middle" font-size="12" fill="#0b0c0c">
          Week
        </text>
      </svg>
      <figcaption class="govuk-body-s">
        <span class="app-chart__key app-chart__key--worked" aria-hidden="true"></span> Hours worked{' '}
        <span class="app-chart__key app-chart__key--support" aria-hidden="true"></span> Job coach support hours
      </figcaption>
    </figure>
  );
}

/** The hours axis: a line and a figure at nought, half way and the top. */
function HourLines(props: { scale: ChartScale }) {
  const { scaleTop, y } = props.scale;
  return (
    <>
      {[0, scaleTop / 2, scaleTop].map((tick) => (
        <g>
          <line
            x1={margin.left}
            x2={width - margin.right}
            y1={y(tick)}
            y2={y(tick)}
            stroke="#b1b4b6"
            stroke-width="1"
          />
          <text x={margin.left - 6} y={y(tick) + 4} text-anchor="end" font-size="12" fill="#0b0c0c">
            {tick}
          </text>
        </g>
      ))}
    </>
  );
}

/** Two bars a week (hours worked, support hours), with the week's number under enough of them to read. */
function WeekBars(props: { weeks: ChartWeek[]; scale: ChartScale }) {
  const { weeks } = props;
  const { slot, bar, y, plotHeight } = props.scale;
  const labelEvery = Math.max(1, Math.ceil(weeks.length / 12));
  return (
    <>
      {weeks.map((week, index) => {
        const x = margin.left + index * slot + slot / 2;
        return (
          <g>
            <rect
              x={x - bar - 1}
              y={y(week.hoursWorked)}
              width={bar}
              height={Math.max(0, margin.top + plotHeight - y(week.hoursWorked))}
              fill={worked}
            />
            <rect
              x={x + 1}
              y={y(week.supportHours)}
              width={bar}
              height={Math.max(0, margin.top + plotHeight - y(week.supportHours))}
              fill={support}
            />
            {index % labelEvery === 0 ? (
              <text x={x} y={height - margin.bottom + 16} text-anchor="middle" font-size="12" fill="#0b0c0c">
                {week.weekNumber}
              </text>
            ) : null}
          </g>
        );
      })}
    </>
  );
}

/** A dashed line after each marked week, with its label. */
function MarkLines(props: { marks: ChartMark[]; weeks: ChartWeek[]; scale: ChartScale }) {
  const { slot, plotHeight } = props.scale;
  return (
    <>
      {props.marks.map((mark, index) => {
        const x = margin.left + props.weeks.filter((week) => week.weekNumber <= mark.afterWeek).length * slot;
        return (
          <g>
            <line
              x1={x}
              x2={x}
              y1={margin.top}
              y2={margin.top + plotHeight}
              stroke="#d4351c"
              stroke-width="2"
              stroke-dasharray="6 3"
            />
            <text x={x - 4} y={margin.top + 10 + index * 14} text-anchor="end" font-size="12" fill="#0b0c0c">
              {mark.label}
            </text>
          </g>
        );
      })}
    </>
  );
}
