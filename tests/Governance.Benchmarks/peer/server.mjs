// graphql-js 16 behind graphql-http: the reference our server is measured against. Same SDL
// (tests/conformance/schema.graphql) and same data; resolvers bound by graphql-js defaults.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { buildSchema } from 'graphql';
import { createHandler } from 'graphql-http/lib/use/http';
import { items } from './data.mjs';

const port = Number(process.argv[2] ?? 4001);
const sdl = readFileSync(new URL('../../conformance/schema.graphql', import.meta.url), 'utf8');
const schema = buildSchema(sdl);

// Abstract types resolve by shape, as graphql-js does for an SDL-built schema.
for (const name of ['Node', 'Named', 'SearchResult']) {
  schema.getType(name).resolveType = (value) => ('children' in value ? 'Item' : 'Child');
}

const rootValue = {
  hello: ({ name }) => `Hello, ${name}!`,
  items: ({ page }) => items.slice(page?.offset ?? 0, (page?.offset ?? 0) + (page?.first ?? 10)),
  item: ({ key }) => items.find((i) => i.id === key.id || i.name === key.name) ?? null,
  search: ({ text }) => [...items, ...items.flatMap((i) => i.children)].filter((x) => x.name.includes(text)),
  oldHello: () => 'Hello, world!',
  echo: ({ text }) => text,
};

const handler = createHandler({ schema, rootValue });
createServer((req, res) => {
  if (req.url.startsWith('/graphql')) handler(req, res);
  else res.writeHead(404).end();
}).listen(port, '127.0.0.1', () => console.log(`graphql-js peer on http://127.0.0.1:${port}/graphql`));
