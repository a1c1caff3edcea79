import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { isMongoUnavailable } from '../core/db/mongo.js';
import { ApiError, DependencyUnavailableError } from '../core/errors.js';
import { errorBody } from '../core/http/error-handler.js';
import { errorSummary } from '../core/logger.js';
import { isSearchUnavailable } from '../core/search/meili.js';
import { WebPageError } from './page-error.js';
import { renderPage } from './render.js';
import type { WebEnv } from './web.env.js';

export const pageNotFound = () =>
  new WebPageError(
    404,
    'not_found',
    'Page not found',
    'If you typed the web address, check it is correct. If you followed a link, it may be out of date. Go to the home page to find what you need.',
  );

export const pageForbidden = (
  advice = 'Your account cannot open this page. If you think it should, ask your job coach or the person who runs the service.',
) => new WebPageError(403, 'forbidden', 'You cannot see this page', advice);

function ErrorPage(props: { heading: string; advice: string; requestId: string; showRequestId: boolean }) {
  return (
    <>
      <h1 class="govuk-heading-l">{props.heading}</h1>
      <p class="govuk-body">{props.advice}</p>
      {props.showRequestId ? (
        <p class="govuk-body">
          If you contact us about this, give this reference: <strong class="app-reference">{props.requestId}</strong>
        </p>
      ) : null}
      <p class="govuk-body">
        <a class="govuk-link" href="/">
          Go to the home page
        </a>
      </p>
    </>
  );
}

export function errorPage(c: Context<WebEnv>, error: WebPageError, headers: Record<string, string> = {}) {
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  c.status(error.status);
  return renderPage(
    c,
    { title: error.heading },
    <ErrorPage
      heading={error.heading}
      advice={error.advice}
      requestId={c.get('requestId')}
      showRequestId={error.status >= 500 || error.status === 403}
    />,
  );
}

/** Browsers get a page; API clients that reach an unknown path keep getting the JSON envelope. */
function wantsHtml(c: Context<WebEnv>): boolean {
  return (c.req.header('accept') ?? '').includes('text/html');
}

/** Maps a service's ApiError to the page a person should see. */
function pageFor(error: ApiError): WebPageError {
  switch (error.code) {
    case 'not_found':
      return pageNotFound();
    case 'forbidden':
      return pageForbidden(error.message);
    case 'rate_limited':
      return new WebPageError(
        429,
        'rate_limited',
        'Too many tries',
        `${error.message} This keeps accounts safe from people guessing passwords.`,
      );
    case 'gone':
      return new WebPageError(410, 'gone', 'This link no longer works', error.message);
    case 'conflict':
    case 'unprocessable':
    case 'validation_failed':
      return new WebPageError(409, 'conflict', 'This could not be done', error.message);
    case 'payload_too_large':
      return new WebPageError(413, 'too_large', 'What you sent is too long', 'Make it shorter and try again.');
    default:
      return new WebPageError(
        500,
        'internal',
        'Sorry, there is a problem with the service',
        'Try again later. Nothing you had saved is lost.',
      );
  }
}

export const onWebError: ErrorHandler<WebEnv> = (error, c) => {
  if (error instanceof WebPageError) return errorPage(c, error);
  if (error instanceof ApiError)
    return errorPage(c, pageFor(error), error.code === 'rate_limited' ? error.headers : {});
  const unavailable =
    error instanceof DependencyUnavailableError || isMongoUnavailable(error) || isSearchUnavailable(error);
  if (unavailable) {
    c.var.services?.logger.warn({ requestId: c.get('requestId'), err: errorSummary(error) }, 'dependency unavailable');
    return errorPage(
      c,
      new WebPageError(
        503,
        'unavailable',
        'Sorry, the service is unavailable',
        'Nothing was changed. Try again in a few minutes.',
      ),
      { 'Retry-After': '5' },
    );
  }
  if (error instanceof HTTPException && error.status === 413)
    return errorPage(c, pageFor(new ApiError('payload_too_large', '')));
  c.var.services?.logger.error({ requestId: c.get('requestId'), err: errorSummary(error) }, 'unhandled error');
  return errorPage(
    c,
    new WebPageError(
      500,
      'internal',
      'Sorry, there is a problem with the service',
      'Try again later. Nothing you had saved is lost.',
    ),
  );
};

export const onWebNotFound: NotFoundHandler<WebEnv> = (c) => {
  if (!wantsHtml(c))
    return c.json(errorBody(c, 'not_found', `No route matches ${c.req.method} ${new URL(c.req.url).pathname}.`), 404);
  return errorPage(c, pageNotFound());
};
