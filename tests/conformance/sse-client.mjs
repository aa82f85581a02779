// graphql-sse's own client in "distinct connections mode" (Server-Sent Events): a subscription
// delivers every event then completes, a query gives one result, and a request error arrives
// as an event rather than a failed connection.
import { createClient } from 'graphql-sse';
import { argUrl, report } from './lib.mjs';

const url = argUrl();
const client = createClient({ url, singleConnection: false, retryAttempts: 0 });
const checks = [];

async function collect(payload) {
  const results = [];
  for await (const result of client.iterate(payload)) results.push(result);
  return results;
}

try {
  const counts = await collect({ query: 'subscription { count(to: 5) }' });
  const values = counts.map((r) => r.data?.count);
  checks.push({ name: 'subscription count(to: 5) streams 1..5 then completes', ok: JSON.stringify(values) === '[1,2,3,4,5]', detail: JSON.stringify(values) });

  const ticks = [];
  for await (const r of client.iterate({ query: 'subscription { ticks(intervalMs: 20) }' })) {
    ticks.push(r.data?.ticks);
    if (ticks.length === 3) break; // closes the stream from the client side
  }
  checks.push({ name: 'an endless subscription stops when the client closes the stream', ok: ticks.length === 3, detail: JSON.stringify(ticks) });

  const query = await collect({ query: '{ hello(name: "sse") }' });
  checks.push({ name: 'a query gives one result', ok: query.length === 1 && query[0].data?.hello === 'Hello, sse!', detail: JSON.stringify(query) });

  const invalid = await collect({ query: '{ hello' });
  checks.push({ name: 'a document that does not parse arrives as a next event with errors', ok: invalid.length === 1 && invalid[0].errors?.length > 0 && !('data' in invalid[0]), detail: JSON.stringify(invalid) });
} catch (e) {
  checks.push({ name: 'client run', ok: false, detail: String(e?.stack ?? JSON.stringify(e)) });
} finally {
  client.dispose();
}
report(checks);
