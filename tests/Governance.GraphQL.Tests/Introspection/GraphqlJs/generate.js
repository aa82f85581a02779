// Regenerates the expected introspection answer from graphql-js itself, for the
// IntrospectionMatchesGraphqlJs test: the test schema's SDL, graphql-js's buildSchema, and the
// same getIntrospectionQuery options our clients use.
//   npm install graphql@16 && node generate.js   (run in this folder)
const fs = require('fs');
const g = require('graphql');
const schema = g.buildSchema(fs.readFileSync(__dirname + '/test-schema.graphql', 'utf8'));
const query = g.getIntrospectionQuery({
  descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true,
  schemaDescription: true, inputValueDeprecation: true, oneOf: true,
});
const result = g.graphqlSync({ schema, source: query });
fs.writeFileSync(__dirname + '/expected-introspection.json', JSON.stringify(result.data, null, 2) + '\n');
fs.writeFileSync(__dirname + '/expected-schema.graphql', g.printSchema(schema) + '\n');
console.log('graphql-js', g.version);
