// graphql-ws's own client (graphql-transport-ws) subscribes, receives every event, and runs a
// query and a mutation over the same socket.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { argUrl, report } from './lib.mjs';

const url = argUrl();
const client = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
const checks = [];

async function collect(payload) {
  const results = [];
  for await (const result of client.iterate(payload)) results.push(result);
  return results;
}

try {
  const counts = await collect({ query: 'subscription { count(to: 5) }' });
  const values = counts.map((r) => r.data?.count);
  checks.push({ name: 'subscription count(to: 5) delivers 1..5 then completes', ok: JSON.stringify(values) === '[1,2,3,4,5]', detail: JSON.stringify(values) });

  const ticks = [];
  for await (const r of client.iterate({ query: 'subscription { ticks(intervalMs: 20) }' })) {
    ticks.push(r.data?.ticks);
    if (ticks.length === 3) break; // completes the subscription from the client side
  }
  checks.push({ name: 'an endless subscription stops when the client completes it', ok: ticks.length === 3, detail: JSON.stringify(ticks) });

  const query = await collect({ query: 'query Hi($n: String) { hello(name: $n) }', variables: { n: 'ws' }, operationName: 'Hi' });
  checks.push({ name: 'a query over the socket gives one result', ok: query.length === 1 && typeof query[0].data?.hello === 'string', detail: JSON.stringify(query) });

  const mutation = await collect({ query: 'mutation { echo(text: "hi") }' });
  checks.push({ name: 'a mutation over the socket gives one result', ok: mutation.length === 1 && mutation[0].data?.echo === 'hi', detail: JSON.stringify(mutation) });

  // A document that does not parse, and variables that do not coerce: request errors, so the
  // operation ends with an "error" message (graphql-ws's client rejects with the errors).
  for (const [label, payload] of [
    ['a document that does not parse', { query: '{ hello' }],
    ['variables that do not coerce', { query: 'query ($n: Int!) { hello }', variables: { n: 'x' } }],
  ]) {
    let errors, results;
    try { results = await collect(payload); } catch (e) { errors = e; }
    checks.push({ name: `${label} ends with an error message`, ok: Array.isArray(errors) && errors.length > 0 && typeof errors[0].message === 'string', detail: JSON.stringify(errors ?? results) });
  }
} catch (e) {
  checks.push({ name: 'client run', ok: false, detail: String(e?.stack ?? JSON.stringify(e)) });
} finally {
  await client.dispose();
}
report(checks);
