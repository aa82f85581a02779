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

  let invalid;
  try { await collect({ query: '{ nope }' }); } catch (errors) { invalid = errors; }
  checks.push({ name: 'an invalid document ends with an error message', ok: Array.isArray(invalid) && invalid.length > 0 && typeof invalid[0].message === 'string', detail: JSON.stringify(invalid) });
} catch (e) {
  checks.push({ name: 'client run', ok: false, detail: String(e?.stack ?? JSON.stringify(e)) });
} finally {
  await client.dispose();
}
report(checks);
