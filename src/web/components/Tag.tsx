import type { Child } from 'hono/jsx';

export type TagColour =
  | 'grey'
  | 'green'
  | 'turquoise'
  | 'blue'
  | 'light-blue'
  | 'purple'
  | 'pink'
  | 'red'
  | 'orange'
  | 'yellow';

/** GOV.UK tag: a short status in words (never colour alone). */
export function Tag(props: { colour?: TagColour; children: Child }) {
  return <strong class={props.colour ? `govuk-tag govuk-tag--${props.colour}` : 'govuk-tag'}>{props.children}</strong>;
}
