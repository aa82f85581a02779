// Regenerates expected.json: graphql-js 16's execute (no validation: that is the validation
// rules' own suite) of every case in queries.json on schema.graphql with data.json as root
// value, graphql-js's default resolvers reading the data. Used by ExecutionMatchesGraphqlJs.
//   npm install graphql@16 && node generate.js   (run in this folder)
const fs = require('fs');
const g = require('graphql');
const read = (name) => fs.readFileSync(__dirname + '/' + name, 'utf8');
const schema = g.buildSchema(read('schema.graphql'));
const data = JSON.parse(read('data.json'));
const cases = JSON.parse(read('queries.json'));
const results = cases.map(({ q, v }) => JSON.parse(JSON.stringify(
  g.execute({ schema, document: g.parse(q), rootValue: data, variableValues: v }))));
fs.writeFileSync(__dirname + '/expected.json', JSON.stringify(results, null, 1) + '\n');
console.log('graphql-js', g.version, results.length, 'cases');
