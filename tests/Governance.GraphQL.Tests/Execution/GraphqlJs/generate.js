// Regenerates expected.json: graphql-js 16's validate-then-execute, as its graphql() does, of
// every case in queries.json on schema.graphql with data.json as root value, graphql-js's
// default resolvers reading the data. Used by ExecutionMatchesGraphqlJs. (The cases were
// first written while our validator was a placeholder; an invalid one now expects graphql-js's
// validation error, as a real client would see.)
//   npm install graphql@16 && node generate.js   (run in this folder)
const fs = require('fs');
const g = require('graphql');
const read = (name) => fs.readFileSync(__dirname + '/' + name, 'utf8');
const schema = g.buildSchema(read('schema.graphql'));
const data = JSON.parse(read('data.json'));
const cases = JSON.parse(read('queries.json'));
const run = (q, v) => {
  const document = g.parse(q);
  const errors = g.validate(schema, document);
  return errors.length > 0 ? { errors } : g.execute({ schema, document, rootValue: data, variableValues: v });
};
const results = cases.map(({ q, v }) => JSON.parse(JSON.stringify(run(q, v))));
fs.writeFileSync(__dirname + '/expected.json', JSON.stringify(results, null, 1) + '\n');
console.log('graphql-js', g.version, results.length, 'cases');
