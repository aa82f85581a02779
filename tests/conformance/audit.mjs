// graphql-http's server audits against a running /graphql. Every audit must be "ok": a warning
// (a failed SHOULD) or a notice (a failed MAY) counts as a failure here.
import { auditServer } from 'graphql-http';
import { argUrl } from './lib.mjs';

const url = argUrl();
const results = await auditServer({ url });
const counts = { total: results.length, ok: 0, warn: 0, notice: 0, error: 0 };
for (const r of results) {
  counts[r.status]++;
  let line = `${r.status.padEnd(6)} ${r.id} ${r.name}`;
  if (r.status !== 'ok') {
    const body = await r.response.text().catch(() => '');
    line += `\n         reason: ${r.reason}; got ${r.response.status} ${r.response.headers.get('content-type')} ${body.slice(0, 300)}`;
  }
  console.log(line);
}
console.log(JSON.stringify(counts));
process.exitCode = counts.ok === counts.total ? 0 : 1;
