/** GOV.UK pagination (previous/next with page numbers), for lists split into pages. */
export function Pagination(props: { page: number; pages: number; href: (page: number) => string }) {
  if (props.pages <= 1) return null;
  const { page, pages } = props;
  const shown = [...new Set([1, page - 1, page, page + 1, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  const items: (number | 'gap')[] = [];
  for (const n of shown) {
    const last = items[items.length - 1];
    if (typeof last === 'number' && n - last > 1) items.push('gap');
    items.push(n);
  }
  return (
    <nav class="govuk-pagination" aria-label="Pages">
      {page > 1 ? (
        <div class="govuk-pagination__prev">
          <a class="govuk-link govuk-pagination__link" href={props.href(page - 1)} rel="prev">
            <svg
              class="govuk-pagination__icon govuk-pagination__icon--prev"
              xmlns="http://www.w3.org/2000/svg"
              height="13"
              width="15"
              aria-hidden="true"
              focusable="false"
              viewBox="0 0 15 13"
            >
              <path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z"></path>
            </svg>
            <span class="govuk-pagination__link-title">
              Previous<span class="govuk-visually-hidden"> page</span>
            </span>
          </a>
        </div>
      ) : null}
      <ul class="govuk-pagination__list">
        {items.map((item) =>
          item === 'gap' ? (
            <li class="govuk-pagination__item govuk-pagination__item--ellipses">⋯</li>
          ) : (
            <li
              class={
                item === page ? 'govuk-pagination__item govuk-pagination__item--current' : 'govuk-pagination__item'
              }
            >
              <a
                class="govuk-link govuk-pagination__link"
                href={props.href(item)}
                aria-label={`Page ${item}`}
                aria-current={item === page ? 'page' : undefined}
              >
                {item}
              </a>
            </li>
          ),
        )}
      </ul>
      {page < pages ? (
        <div class="govuk-pagination__next">
          <a class="govuk-link govuk-pagination__link" href={props.href(page + 1)} rel="next">
            <span class="govuk-pagination__link-title">
              Next<span class="govuk-visually-hidden"> page</span>
            </span>
            <svg
              class="govuk-pagination__icon govuk-pagination__icon--next"
              xmlns="http://www.w3.org/2000/svg"
              height="13"
              width="15"
              aria-hidden="true"
              focusable="false"
              viewBox="0 0 15 13"
            >
              <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"></path>
            </svg>
          </a>
        </div>
      ) : null}
    </nav>
  );
}

/** The page asked for in `?page=`: from 1 to `last`, and 1 when missing, 0 or not a number. */
export function pageNumber(asked: string | undefined, last = Number.POSITIVE_INFINITY): number {
  return Math.max(1, Math.min(last, Number(asked) || 1));
}
