import { bodyTextPattern, urlTextPattern } from './request-input.js';

/**
 * What every operation can answer whatever its own route says, added to the generated OpenAPI
 * document in one place so that a new route cannot forget them, and the text rule the edge
 * middleware enforces (no control characters), stated on every request string that has no
 * stricter pattern, enum or format of its own.
 */

// biome-ignore lint/suspicious/noExplicitAny: the generated document is walked and patched as loose JSON.
type Json = Record<string, any>;

const errorDescriptions: Record<string, string> = {
  '400':
    'The request is malformed or breaks the schema (including text with control characters); `details` names each field.',
  '401': 'No valid access token.',
  '403': 'The caller’s role, or their relationship to this record, does not allow this.',
  '404': 'Not found, or not visible to the caller.',
  '409': 'A request with this `Idempotency-Key` was already saved; it was not carried out again.',
  '413': 'The request body is too large.',
  '415': 'The request body must be JSON in UTF-8.',
  '422':
    'The request is well-formed but breaks a rule the schema cannot state (described on the fields); `details` says why.',
  '503':
    'MongoDB or Meilisearch is unavailable. Nothing was changed, unless `details.saved` is `unknown`: then the change may have been saved (send it again with the same `Idempotency-Key`).',
};

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every signed-in POST takes one (see `src/core/http/idempotency.ts`). */
const idempotencyKeyParameter = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Any value unique to this change (a UUID, say). Send the same key again with a repeat of the request (after a 503 that says the change may have been saved, or a lost answer): if the first was saved, the repeat answers 409 and makes nothing; otherwise it is carried out. Kept for 24 hours.',
  schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,200}$' },
};

const takesIdempotencyKey = (method: string, operation: Json) =>
  method === 'post' && Boolean(operation.security?.length);

/** The statuses an operation can answer because of its shape alone. */
function statusesOf(path: string, method: string, operation: Json): string[] {
  const statuses = ['400'];
  const parameters: Json[] = operation.parameters ?? [];
  if (operation.security?.length) statuses.push('401', '403');
  if (takesIdempotencyKey(method, operation)) statuses.push('409');
  if (path.includes('{')) statuses.push('404');
  if (operation.requestBody) statuses.push('413', '415', '422');
  else if (parameters.some((parameter) => parameter.in === 'query')) statuses.push('422');
  if (path !== '/health/live' && path !== '/openapi.json') statuses.push('503');
  return statuses;
}

/** Any JSON whose text (strings and keys) has no control characters: what "any value" means in a request. */
const textJsonName = 'TextJson';
const textJsonRef = { $ref: `#/components/schemas/${textJsonName}` };
const textJson = {
  description: 'Any JSON value whose text (strings and object keys) has no control characters.',
  anyOf: [
    { type: 'null' },
    { type: 'boolean' },
    { type: 'number' },
    { type: 'string', pattern: bodyTextPattern },
    { type: 'array', items: textJsonRef },
    { type: 'object', propertyNames: { pattern: bodyTextPattern }, additionalProperties: textJsonRef },
  ],
};

const constraining = ['type', '$ref', 'anyOf', 'oneOf', 'allOf', 'enum', 'const', 'not'];
const isUnconstrained = (schema: unknown): schema is Json =>
  typeof schema === 'object' && schema !== null && !constraining.some((key) => key in schema);

/** An operation's examples, by operationId: its main request body and its success response. */
export type Examples = Record<string, { request?: unknown; response?: unknown }>;

export function completeDocument(document: Json, links: Record<string, Json> = {}, examples: Examples = {}): Json {
  const visited = new Set<Json>();
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas[textJsonName] = textJson;
  writeNullableRefsAsAnyOf(document);
  for (const [path, item] of Object.entries<Json>(document.paths ?? {})) {
    for (const method of methods) {
      const operation = item[method];
      if (!operation) continue;
      if (takesIdempotencyKey(method, operation))
        operation.parameters = [...(operation.parameters ?? []), idempotencyKeyParameter];
      for (const status of statusesOf(path, method, operation)) {
        operation.responses[status] ??= {
          description: errorDescriptions[status],
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        };
      }
      for (const parameter of operation.parameters ?? []) {
        if (parameter.schema) stateTextRule(parameter.schema, urlTextPattern, document, visited);
      }
      const body = operation.requestBody?.content?.['application/json']?.schema;
      if (body) stateTextRule(body, bodyTextPattern, document, visited);
      const operationExamples = operation.operationId ? examples[operation.operationId] : undefined;
      if (operationExamples) setExamples(operation, operationExamples);
      const operationLinks = operation.operationId ? links[operation.operationId] : undefined;
      if (operationLinks) {
        const created = Object.keys(operation.responses).find((status) => status.startsWith('2'))!;
        operation.responses[created].links = operationLinks;
      }
    }
  }
  return document;
}

function setExamples(operation: Json, examples: Examples[string]): void {
  const request = operation.requestBody?.content?.['application/json'];
  if (request && examples.request !== undefined) request.example = examples.request;
  const success = Object.keys(operation.responses).find((status) => status.startsWith('2'));
  const response = success ? operation.responses[success].content?.['application/json'] : undefined;
  if (response && examples.response !== undefined) response.example = examples.response;
}

/**
 * zod-to-openapi writes `.nullable()` on a named schema as allOf [$ref, {type: [object, null]}],
 * which no null satisfies (the $ref needs an object), so the document refused the null the API
 * takes, and the generated types said so. Written as anyOf [$ref, {type: null}], it says what
 * the zod schema does.
 */
function writeNullableRefsAsAnyOf(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) writeNullableRefsAsAnyOf(item);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const schema = node as Json;
  const [ref, nullable, ...others] = Array.isArray(schema.allOf) ? schema.allOf : [];
  if (
    others.length === 0 &&
    typeof ref?.$ref === 'string' &&
    Array.isArray(nullable?.type) &&
    nullable.type.includes('null') &&
    Object.keys(nullable).length === 1
  ) {
    delete schema.allOf;
    schema.anyOf = [ref, { type: 'null' }];
  }
  for (const value of Object.values(schema)) writeNullableRefsAsAnyOf(value);
}

function stateTextRule(schema: Json, pattern: string, document: Json, visited: Set<Json>): void {
  if (!schema || typeof schema !== 'object' || visited.has(schema)) return;
  visited.add(schema);
  if (typeof schema.$ref === 'string') {
    const target = document.components?.schemas?.[schema.$ref.split('/').pop()!];
    stateTextRule(target, pattern, document, visited);
    return;
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (
    types.includes('string') &&
    schema.pattern === undefined &&
    schema.enum === undefined &&
    schema.const === undefined &&
    schema.format === undefined
  ) {
    schema.pattern = pattern;
  }
  // Zod's integers are JavaScript's safe integers.
  if (types.includes('integer')) {
    schema.maximum ??= Number.MAX_SAFE_INTEGER;
    schema.minimum ??= Number.MIN_SAFE_INTEGER;
  }
  // An object that takes keys of its own (a record, a loose object): its keys are text too.
  if (types.includes('object') && schema.additionalProperties !== false && schema.propertyNames === undefined) {
    schema.propertyNames = { pattern };
  }
  for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems'] as const) {
    for (const part of schema[key] ?? []) stateTextRule(part, pattern, document, visited);
  }
  for (const key of ['items', 'additionalProperties'] as const) {
    if (isUnconstrained(schema[key])) Object.assign(schema[key], textJsonRef);
  }
  for (const [name, property] of Object.entries<Json>(schema.properties ?? {})) {
    if (isUnconstrained(property)) schema.properties[name] = { ...property, ...textJsonRef };
  }
  for (const key of ['items', 'additionalProperties', 'not', 'if', 'then', 'else'] as const) {
    if (schema[key] && typeof schema[key] === 'object') stateTextRule(schema[key], pattern, document, visited);
  }
  for (const property of Object.values<Json>(schema.properties ?? {}))
    stateTextRule(property, pattern, document, visited);
}
