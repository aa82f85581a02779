// graphql-js 16 accepts our introspection result (buildClientSchema + assertValidSchema), and the
// schema it describes equals our SDL export: same printed schema after sorting, and no breaking
// or dangerous change in either direction.
import {
  assertValidSchema, buildClientSchema, buildSchema, findBreakingChanges, findDangerousChanges,
  getIntrospectionQuery, lexicographicSortSchema, printSchema,
} from 'graphql';
import { argUrl, report } from './lib.mjs';

const url = argUrl();
const checks = [];
const query = getIntrospectionQuery({
  descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true,
  schemaDescription: true, inputValueDeprecation: true, oneOf: true,
});
const res = await fetch(url, {
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
  body: JSON.stringify({ query }),
});
const body = await res.json();
checks.push({ name: 'the introspection query succeeds without errors', ok: res.status === 200 && !body.errors, detail: `${res.status} ${JSON.stringify(body.errors ?? '')}` });

let fromIntrospection;
try {
  fromIntrospection = buildClientSchema(body.data);
  assertValidSchema(fromIntrospection);
  checks.push({ name: 'buildClientSchema + assertValidSchema accept it', ok: true });
} catch (e) {
  checks.push({ name: 'buildClientSchema + assertValidSchema accept it', ok: false, detail: String(e) });
}

const sdlRes = await fetch(`${url}?sdl`);
const sdl = await sdlRes.text();
const fileRes = await fetch(`${url}/schema.graphql`);
const file = await fileRes.text();
checks.push({ name: 'GET /graphql?sdl and /graphql/schema.graphql serve the same SDL', ok: sdlRes.status === 200 && fileRes.status === 200 && sdl === file, detail: `${sdlRes.status} ${fileRes.status}` });

let fromSdl;
try {
  fromSdl = buildSchema(sdl);
  assertValidSchema(fromSdl);
  checks.push({ name: 'the SDL export is a valid schema for graphql-js', ok: true });
} catch (e) {
  checks.push({ name: 'the SDL export is a valid schema for graphql-js', ok: false, detail: String(e) });
}

if (fromIntrospection && fromSdl) {
  const a = printSchema(lexicographicSortSchema(fromIntrospection));
  const b = printSchema(lexicographicSortSchema(fromSdl));
  checks.push({ name: 'printSchema(introspection) equals printSchema(SDL export), sorted', ok: a === b, detail: a === b ? '' : firstDifference(a, b) });
  for (const [label, x, y] of [['introspection → SDL', fromIntrospection, fromSdl], ['SDL → introspection', fromSdl, fromIntrospection]]) {
    const changes = [...findBreakingChanges(x, y), ...findDangerousChanges(x, y)];
    checks.push({ name: `no breaking or dangerous change ${label}`, ok: changes.length === 0, detail: JSON.stringify(changes.slice(0, 5)) });
  }
}
report(checks);

function firstDifference(a, b) {
  const la = a.split('\n'), lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return `line ${i + 1}: introspection «${la[i]}» vs SDL «${lb[i]}»`;
  }
  return '';
}
