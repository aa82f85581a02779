// Runs every case of the differential corpus through graphql-js 16, the reference engine, and
// prints one JSON array of outcomes on stdout. The C# differential test runs this once and
// compares our engine against it case by case.
//
// Usage: node run-reference.js [corpus.json]
//
// What is compared (messages are left out on purpose: ours are our own wording):
//   valid       the document parsed and passed every validation rule
//   phase       "parse" | "validation" | "subscription" (validated only, never executed) | "execution"
//               | "crash" (graphql-js threw instead of answering: not comparable)
//   hasData     whether the response has a "data" entry (false for request errors such as
//               variable coercion failures, which stop execution before it starts)
//   data        the response data, in response order
//   errors      each error's path and locations
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const {
  buildSchema,
  graphql,
  parse,
  validate,
  getOperationAST,
  GraphQLError,
} = require('graphql');

const here = __dirname;
const schema = buildSchema(fs.readFileSync(path.join(here, 'schema.graphql'), 'utf8'));
const rootValue = JSON.parse(fs.readFileSync(path.join(here, 'data.json'), 'utf8'));
const corpusPath = process.argv[2] ?? path.join(here, 'corpus.json');
const corpus = JSON.parse(fs.readFileSync(corpusPath, 'utf8'));

// Abstract types resolve through graphql-js's defaultTypeResolver, which reads the
// "__typename" key of the JSON object: our engine must do the same for the outcomes to agree.

function errorShape(error) {
  return {
    path: error.path ?? null,
    locations: (error.locations ?? []).map(({ line, column }) => ({ line, column })),
  };
}

async function runCase(c) {
  let document;
  try {
    document = parse(c.query);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { valid: false, phase: 'parse', hasData: false, data: null, errors: [errorShape(error)] };
  }

  // graphql() validates with the same specified rules; validating here first tells a
  // validation failure from a request error without reading messages. graphql-js 16 itself
  // throws on a few invalid documents (e.g. a subscription root field with @skip lacking
  // "if"); such cases cannot be compared and are reported as "crash".
  let validationErrors;
  try {
    validationErrors = validate(schema, document);
  } catch (error) {
    return { valid: false, phase: 'crash', hasData: false, data: null, errors: [] };
  }
  if (validationErrors.length > 0) {
    return { valid: false, phase: 'validation', hasData: false, data: null, errors: validationErrors.map(errorShape) };
  }

  const operation = getOperationAST(document, c.operationName);
  if (operation && operation.operation === 'subscription') {
    return { valid: true, phase: 'subscription', hasData: false, data: null, errors: [] };
  }

  const result = await graphql({
    schema,
    source: c.query,
    rootValue,
    variableValues: c.variables,
    operationName: c.operationName,
  });
  const hasData = Object.prototype.hasOwnProperty.call(result, 'data');
  return {
    valid: true,
    phase: 'execution',
    hasData,
    data: hasData ? result.data : null,
    errors: (result.errors ?? []).map(errorShape),
  };
}

async function main() {
  const names = new Set();
  const outcomes = [];
  for (const c of corpus) {
    if (names.has(c.name)) throw new Error(`Duplicate case name ${c.name}`);
    names.add(c.name);
    outcomes.push({ name: c.name, ...(await runCase(c)) });
  }
  process.stdout.write(JSON.stringify(outcomes, null, 1));
  process.stdout.write('\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
