import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { ApiError, type FieldProblem, validationFailed } from '../errors.js';
import type { AppEnv } from './env.js';

/**
 * Control characters no text field may hold: C0 (except tab, line feed and carriage return,
 * which free text in a body may contain), DEL and C1. In a query string or a path every
 * control character is refused. The OpenAPI document states the same rule as a `pattern`.
 */
export const bodyTextForbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
export const urlTextForbidden = /[\u0000-\u001F\u007F-\u009F]/;
export const bodyTextPattern = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$';
export const urlTextPattern = '^[^\\u0000-\\u001F\\u007F-\\u009F]*$';

const methodsWithBody = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const jsonMediaType = /^application\/([\w.-]+\+)?json$/i;
const controlCharacterMessage = 'must not contain control characters (such as NUL)';

/** The route (not middleware) a request matched, as `METHOD /openapi/{style}` or undefined. */
export function matchedOperation(c: Context): string | undefined {
  const route = [...matchedRoutes(c)].reverse().find((candidate) => candidate.method !== 'ALL');
  if (!route) return undefined;
  return `${route.method} ${route.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')}`;
}

/** Query and path values with a control character are refused with 400 naming the parameter. */
export const refuseControlCharactersInUrl: MiddlewareHandler<AppEnv> = async (c, next) => {
  const url = new URL(c.req.url);
  const problems: FieldProblem[] = [];
  for (const [name, value] of url.searchParams) {
    if (urlTextForbidden.test(name) || urlTextForbidden.test(value)) {
      problems.push({
        path: urlTextForbidden.test(name) ? '(name)' : name,
        in: 'query',
        message: controlCharacterMessage,
      });
    }
  }
  const segments = url.pathname.split('/');
  const pattern = [...matchedRoutes(c)]
    .reverse()
    .find((route) => route.method !== 'ALL')
    ?.path.split('/');
  segments.forEach((segment, index) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      decoded = '\u0000';
    }
    if (urlTextForbidden.test(decoded)) {
      const name = pattern?.[index]?.startsWith(':')
        ? pattern[index]!.slice(1).replace(/\{.*$/, '')
        : `segment ${index}`;
      problems.push({ path: name, in: 'path', message: controlCharacterMessage });
    }
  });
  if (problems.length > 0) throw validationFailed(problems);
  await next();
};

/**
 * Reads every request body once, before any handler, and refuses what cannot be read as
 * UTF-8 JSON: a non-JSON type or another charset (415), a byte order mark, invalid UTF-8 or
 * malformed JSON (400), text with control characters (400 naming the field). An empty body
 * (none at all, `Content-Length: 0`, or an empty chunked body) is no body: fine for an
 * operation that takes none, and a 400 for one whose body is required.
 */
export function readJsonBody(requiresBody: (operation: string) => boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!methodsWithBody.has(c.req.method)) return next();
    const contentType = c.req.header('content-type');
    const operation = matchedOperation(c);
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length === 0) {
      if (contentType !== undefined && contentType.trim() !== '' && !isJsonUtf8(contentType))
        throw unsupportedMediaType();
      if (operation && requiresBody(operation)) {
        throw validationFailed([{ path: '(root)', in: 'body', message: 'a JSON body is required' }]);
      }
      c.req.bodyCache.json = Promise.resolve({});
      return next();
    }
    if (!contentType || !isJsonUtf8(contentType)) throw unsupportedMediaType();
    c.req.bodyCache.json = Promise.resolve(parseJson(bytes));
    await next();
  };
}

function isJsonUtf8(contentType: string): boolean {
  const [mediaType, ...parameters] = contentType.split(';');
  if (!jsonMediaType.test(mediaType!.trim())) return false;
  return parameters.every((parameter) => {
    const [name, value] = parameter.split('=').map((part) => part.trim().toLowerCase());
    return name !== 'charset' || value?.replace(/"/g, '') === 'utf-8' || value?.replace(/"/g, '') === 'utf8';
  });
}

const unsupportedMediaType = () =>
  new ApiError('unsupported_media_type', 'The request body must be JSON in UTF-8 (Content-Type: application/json).');

const malformed = (message: string) => new ApiError('malformed_json', message);

function parseJson(bytes: Uint8Array): unknown {
  if (
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe)
  ) {
    throw malformed('The request body must not start with a byte order mark.');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw malformed('The request body is not valid UTF-8.');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw malformed('The request body is not valid JSON.');
  }
  const problems = findControlCharacters(value);
  if (problems.length > 0) throw validationFailed(problems);
  return value;
}

/**
 * Deeper than any body the API takes (its schemas nest a few levels), and far below what
 * MongoDB stores (100) or a recursive walk can follow before the stack runs out.
 */
export const maxBodyDepth = 32;

const tooDeep = () =>
  validationFailed([
    { path: '(root)', in: 'body', message: `must not nest objects and lists more than ${maxBodyDepth} levels deep` },
  ]);

/**
 * Walks the parsed body with a list of its own rather than by recursion, so that a body of
 * 100,000 nested lists is refused with a 400 instead of overflowing the stack. Problems come
 * in the order the fields appear.
 */
function findControlCharacters(body: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const pending: { value: unknown; path: string[]; badName?: true }[] = [{ value: body, path: [] }];
  while (pending.length > 0 && problems.length < 20) {
    const { value, path, badName } = pending.pop()!;
    if (badName || (typeof value === 'string' && bodyTextForbidden.test(value))) {
      problems.push({ path: path.join('.') || '(root)', in: 'body', message: controlCharacterMessage });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= maxBodyDepth) throw tooDeep();
    const children = Object.entries(value).map(([key, item]) =>
      !Array.isArray(value) && bodyTextForbidden.test(key)
        ? { value: key, path: [...path, '(name)'], badName: true as const }
        : { value: item, path: [...path, key] },
    );
    pending.push(...children.reverse());
  }
  return problems;
}
