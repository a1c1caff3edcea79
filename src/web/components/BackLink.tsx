/** GOV.UK back link; put it before <main> (the layout's `backLink`). */
export function BackLink(props: { href: string; text?: string }) {
  return (
    <a href={props.href} class="govuk-back-link">
      {props.text ?? 'Back'}
    </a>
  );
}
