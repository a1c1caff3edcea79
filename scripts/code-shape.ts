/**
 * The shape of the code under src/ (issue 23): files over 500 lines, functions over 80 lines, `!` in
 * pages, hand-written GOV.UK tables outside the components, and pages importing pages. It parses with
 * the TypeScript compiler's own API, so a function is what the compiler calls one (a declaration, an
 * arrow, a method), measured from its first token to its last. A function whose body only returns an
 * object or array literal is a declarative table and is listed apart from the others.
 * tests/code/code-shape.unit.test.ts holds the limits.
 * Run: npx tsx scripts/code-shape.ts (lines for people, then one JSON line).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Node, type SourceFile, SyntaxKind } from 'typescript/unstable/ast';
import { API } from 'typescript/unstable/sync';
import { projectRoot } from '../src/core/project-root.js';

export const fileLimit = 500;
export const functionLimit = 80;

/** Data, not code: generated types, word lists, the frozen first migration, OpenAPI examples. */
export function isDataFile(file: string): boolean {
  return (
    file.startsWith('src/generated/') ||
    /(^|\/)vocabular(y|ies)[^/]*$/.test(file) ||
    file.includes('/vocabularies/') ||
    /migrations\/0001[^/]*$/.test(file) ||
    /\.examples\.ts$/.test(file) ||
    file === 'src/docs/openapi-examples.ts'
  );
}

export interface FunctionShape {
  file: string;
  name: string;
  line: number;
  lines: number;
}

export interface CodeShape {
  longFiles: { file: string; lines: number }[];
  longFunctions: FunctionShape[];
  longTables: FunctionShape[];
  nonNullInPages: { file: string; count: number }[];
  handWrittenTables: { file: string; count: number }[];
  pageToPageImports: string[];
}

const srcDir = path.join(projectRoot, 'src');

function sourceFiles(): string[] {
  return readdirSync(srcDir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.relative(projectRoot, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

const lineCount = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

const functionKinds = new Set([
  SyntaxKind.FunctionDeclaration,
  SyntaxKind.FunctionExpression,
  SyntaxKind.ArrowFunction,
  SyntaxKind.MethodDeclaration,
  SyntaxKind.Constructor,
  SyntaxKind.GetAccessor,
  SyntaxKind.SetAccessor,
]);

const literalKinds = new Set([SyntaxKind.ObjectLiteralExpression, SyntaxKind.ArrayLiteralExpression]);

function unwrap(node: Node): Node {
  let current = node;
  while (
    current.kind === SyntaxKind.ParenthesizedExpression ||
    current.kind === SyntaxKind.AsExpression ||
    current.kind === SyntaxKind.SatisfiesExpression
  ) {
    current = (current as unknown as { expression: Node }).expression;
  }
  return current;
}

const statementsOf = (node: Node) => (node as unknown as { statements: readonly Node[] }).statements;

function returnsLiteral(statement: Node): boolean {
  if (statement.kind !== SyntaxKind.ReturnStatement) return false;
  const returned = (statement as unknown as { expression?: Node }).expression;
  return returned !== undefined && literalKinds.has(unwrap(returned).kind);
}

/** A switch whose every case only returns a literal: a table keyed by the switch's value. */
function isSwitchTable(statement: Node): boolean {
  if (statement.kind !== SyntaxKind.SwitchStatement) return false;
  const clauses = (statement as unknown as { caseBlock: { clauses: readonly Node[] } }).caseBlock.clauses;
  return clauses.every((clause) => statementsOf(clause).every(returnsLiteral));
}

/**
 * A body that only returns an object or array literal, or a switch of such returns: a table of data
 * or of small functions, read row by row rather than followed step by step.
 */
function isDeclarative(fn: Node): boolean {
  const body = (fn as unknown as { body?: Node }).body;
  if (!body) return false;
  if (body.kind !== SyntaxKind.Block) return literalKinds.has(unwrap(body).kind);
  const statements = statementsOf(body);
  return statements.length === 1 && (returnsLiteral(statements[0]!) || isSwitchTable(statements[0]!));
}

/** A module-level `const x = { … }` or `[ … ]`: a table even when its rows hold functions. */
function isLiteralTable(node: Node): boolean {
  if (node.kind !== SyntaxKind.VariableDeclaration) return false;
  const initializer = (node as unknown as { initializer?: Node }).initializer;
  return initializer !== undefined && literalKinds.has(unwrap(initializer).kind);
}

function textOf(node: Node | undefined, sourceFile: SourceFile): string | undefined {
  if (!node) return undefined;
  return sourceFile.text.slice(node.getStart(sourceFile), node.end).replace(/\s+/g, ' ');
}

/** What a reader would call the function: its own name, the name it is bound to, or the call it is passed to. */
function nameOf(fn: Node, sourceFile: SourceFile): string {
  const own = textOf((fn as unknown as { name?: Node }).name, sourceFile);
  if (own) return own;
  const parent = fn.parent;
  const bound = textOf((parent as unknown as { name?: Node }).name, sourceFile);
  if (bound && parent.kind !== SyntaxKind.CallExpression) return bound;
  if (parent.kind === SyntaxKind.CallExpression) {
    const call = parent as unknown as { expression: Node; arguments: readonly Node[] };
    const first = call.arguments[0];
    const label = first && first.kind === SyntaxKind.StringLiteral ? `(${textOf(first, sourceFile)})` : '(…)';
    return `${textOf(call.expression, sourceFile)}${label}`;
  }
  return '(anonymous)';
}

function lineOf(sourceFile: SourceFile, position: number): number {
  return lineCount(sourceFile.text.slice(0, position)) + 1;
}

function functionsIn(sourceFile: SourceFile, file: string): (FunctionShape & { declarative: boolean })[] {
  const found: (FunctionShape & { declarative: boolean })[] = [];
  const visit = (node: Node): void => {
    const table = isLiteralTable(node);
    if (functionKinds.has(node.kind) || table) {
      const start = node.getStart(sourceFile);
      const line = lineOf(sourceFile, start);
      const lines = lineOf(sourceFile, node.end) - line + 1;
      found.push({ file, name: nameOf(node, sourceFile), line, lines, declarative: table || isDeclarative(node) });
    }
    node.forEachChild(visit);
  };
  sourceFile.forEachChild(visit);
  return found;
}

function countNonNull(sourceFile: SourceFile): number {
  let count = 0;
  const visit = (node: Node): void => {
    if (node.kind === SyntaxKind.NonNullExpression) count += 1;
    node.forEachChild(visit);
  };
  sourceFile.forEachChild(visit);
  return count;
}

const pageModule = /\.pages\.tsx$/;

function pageImports(file: string, text: string): string[] {
  if (!pageModule.test(file)) return [];
  return [...text.matchAll(/^import\s[^;]*?from\s+'(\.[^']+)';/gms)]
    .map(([, from]) => path.posix.normalize(path.posix.join(path.posix.dirname(file), from!)))
    .map((target) => target.replace(/\.js$/, '.tsx'))
    .filter((target) => pageModule.test(target))
    .map((target) => `${file} imports ${target}`);
}

export function measureCodeShape(): CodeShape {
  const files = sourceFiles();
  const api = new API({ cwd: projectRoot });
  try {
    const snapshot = api.updateSnapshot({ openProject: path.join(projectRoot, 'tsconfig.json') });
    const program = snapshot.getProjects()[0]!.program;
    const shape: CodeShape = {
      longFiles: [],
      longFunctions: [],
      longTables: [],
      nonNullInPages: [],
      handWrittenTables: [],
      pageToPageImports: [],
    };
    for (const file of files) {
      const text = readFileSync(path.join(projectRoot, file), 'utf8');
      const lines = lineCount(text);
      if (isDataFile(file)) continue;
      if (lines > fileLimit) shape.longFiles.push({ file, lines });
      const sourceFile = program.getSourceFile(path.join(projectRoot, file));
      if (!sourceFile) throw new Error(`${file} is not in tsconfig.json's program`);
      for (const { declarative, ...fn } of functionsIn(sourceFile, file)) {
        if (fn.lines > functionLimit) (declarative ? shape.longTables : shape.longFunctions).push(fn);
      }
      if (pageModule.test(file)) {
        const count = countNonNull(sourceFile);
        if (count > 0) shape.nonNullInPages.push({ file, count });
      }
      if (!file.startsWith('src/web/components/')) {
        const count = text.match(/<table\b/g)?.length ?? 0;
        if (count > 0) shape.handWrittenTables.push({ file, count });
      }
      shape.pageToPageImports.push(...pageImports(file, text));
    }
    shape.longFiles.sort((a, b) => b.lines - a.lines);
    shape.longFunctions.sort((a, b) => b.lines - a.lines);
    shape.longTables.sort((a, b) => b.lines - a.lines);
    return shape;
  } finally {
    api.close();
  }
}

export function summary(shape: CodeShape) {
  const total = (rows: { count: number }[]) => rows.reduce((sum, row) => sum + row.count, 0);
  return {
    filesOver500: shape.longFiles.length,
    functionsOver80: shape.longFunctions.length,
    declarativeTablesOver80: shape.longTables.length,
    nonNullInPages: total(shape.nonNullInPages),
    handWrittenTables: total(shape.handWrittenTables),
    pageToPageImports: shape.pageToPageImports.length,
  };
}

function print(shape: CodeShape): void {
  console.log(`Files over ${fileLimit} lines (data excepted):`);
  for (const { file, lines } of shape.longFiles) console.log(`  ${lines}  ${file}`);
  console.log(`Functions over ${functionLimit} lines:`);
  for (const fn of shape.longFunctions) console.log(`  ${fn.lines}  ${fn.file}:${fn.line}  ${fn.name}`);
  console.log(`Declarative tables over ${functionLimit} lines (literal tables, functions that only return literals):`);
  for (const fn of shape.longTables) console.log(`  ${fn.lines}  ${fn.file}:${fn.line}  ${fn.name}`);
  console.log('Non-null assertions (!) in pages:');
  for (const { file, count } of shape.nonNullInPages) console.log(`  ${count}  ${file}`);
  console.log('Hand-written govuk-table markup outside src/web/components:');
  for (const { file, count } of shape.handWrittenTables) console.log(`  ${count}  ${file}`);
  console.log('Page-to-page imports:');
  for (const line of shape.pageToPageImports) console.log(`  ${line}`);
  console.log(JSON.stringify(summary(shape)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) print(measureCodeShape());
