// Regenerates the graphql-js 16 answers the Language parity tests compare with: the syntax
// error (message and location) for each invalid document, and print(parse(doc)) for each
// printed document.   npm install graphql@16 && node generate.js   (run in this folder)
const fs = require('fs');
const g = require('graphql');
const read = (name) => JSON.parse(fs.readFileSync(__dirname + '/' + name, 'utf8'));
const errors = read('invalid-documents.json').map((doc) => {
  try { g.parse(doc); return null; } catch (e) { return { message: e.message, locations: e.locations }; }
});
const printed = read('printed-documents.json').map((doc) => g.print(g.parse(doc)));
fs.writeFileSync(__dirname + '/expected-errors.json', JSON.stringify(errors, null, 1) + '\n');
fs.writeFileSync(__dirname + '/expected-printed.json', JSON.stringify(printed, null, 1) + '\n');
console.log('graphql-js', g.version);
