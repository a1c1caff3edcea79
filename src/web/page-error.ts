export type PageStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 429 | 500 | 503;

/** An error a page shows as a page of its own: a status, a heading and what the user can do now. */
export class WebPageError extends Error {
  constructor(
    readonly status: PageStatus,
    readonly kind: string,
    readonly heading: string,
    readonly advice: string,
  ) {
    super(heading);
    this.name = 'WebPageError';
  }
}
