// Preloaded with `node --import` by tests/operations/tracing.test.ts: appends every module URL the process
// resolves to the file named by RECORD_IMPORTS_TO, so a test can tell which packages a start loaded.
import { register } from 'node:module';

const hooks = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  appendFileSync(${JSON.stringify(process.env.RECORD_IMPORTS_TO)}, resolved.url + '\\n');
  return resolved;
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
