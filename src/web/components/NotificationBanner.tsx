import type { Child } from 'hono/jsx';

/** GOV.UK notification banner; `success` is the one shown after a form succeeds (Post/Redirect/Get). */
export function NotificationBanner(props: { type?: 'success' | 'important'; heading: Child; children?: Child }) {
  const success = props.type === 'success';
  return (
    <div
      class={success ? 'govuk-notification-banner govuk-notification-banner--success' : 'govuk-notification-banner'}
      role={success ? 'alert' : 'region'}
      aria-labelledby="govuk-notification-banner-title"
      data-module="govuk-notification-banner"
    >
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="govuk-notification-banner-title">
          {success ? 'Success' : 'Important'}
        </h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-notification-banner__heading">{props.heading}</p>
        {props.children}
      </div>
    </div>
  );
}
