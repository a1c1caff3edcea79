import type { Child } from 'hono/jsx';

/** GOV.UK button: a submit button, or a link that looks like one when `href` is given. */
export function Button(props: {
  children: Child;
  href?: string;
  variant?: 'secondary' | 'warning';
  name?: string;
  value?: string;
  isStartButton?: boolean;
}) {
  const classes = [
    'govuk-button',
    props.variant ? `govuk-button--${props.variant}` : '',
    props.isStartButton ? 'govuk-button--start' : '',
  ]
    .filter(Boolean)
    .join(' ');
  if (props.href) {
    return (
      <a href={props.href} role="button" draggable={false} class={classes} data-module="govuk-button">
        {props.children}
      </a>
    );
  }
  return (
    <button
      type="submit"
      class={classes}
      data-module="govuk-button"
      data-prevent-double-click="true"
      name={props.name}
      value={props.value}
    >
      {props.children}
    </button>
  );
}

/** Buttons and links side by side, as the Frontend groups them. */
export function ButtonGroup(props: { children: Child }) {
  return <div class="govuk-button-group">{props.children}</div>;
}
