// Raw-socket checks of graphql-transport-ws: each close code of PROTOCOL.md, and ping/pong.
// The server under test refuses connection_init payloads with {"reject": true} (4403) and has a
// short connection-init timeout (4408).
import WebSocket from 'ws';
import { argUrl, report } from './lib.mjs';

const url = argUrl();
const PROTOCOL = 'graphql-transport-ws';

/** Opens a socket, runs the script against it, resolves with the close code and the messages seen. */
function session(script, { protocol = PROTOCOL, timeoutMs = 8000 } = {}) {
  return new Promise((resolve) => {
    const ws = protocol ? new WebSocket(url, protocol) : new WebSocket(url);
    const messages = [];
    const timer = setTimeout(() => { ws.terminate(); resolve({ code: 'timeout', messages }); }, timeoutMs);
    const send = (m) => ws.send(typeof m === 'string' ? m : JSON.stringify(m));
    const next = () => new Promise((r) => ws.once('message', (d) => r(JSON.parse(String(d)))));
    ws.on('message', (d) => messages.push(JSON.parse(String(d))));
    ws.on('open', () => script({ ws, send, next }));
    ws.on('close', (code, reason) => { clearTimeout(timer); resolve({ code, reason: String(reason), messages }); });
    ws.on('error', () => {});
  });
}

async function init(send, next, payload) {
  send({ type: 'connection_init', ...(payload ? { payload } : {}) });
  return next();
}

const expectations = [
  ['4400 on a message of an unknown type', 4400, async ({ send, next }) => { await init(send, next); send({ type: 'bogus' }); }],
  ['4400 on text that is not JSON', 4400, async ({ send, next }) => { await init(send, next); send('{not json'); }],
  ['4400 on subscribe without a query', 4400, async ({ send, next }) => { await init(send, next); send({ type: 'subscribe', id: '1', payload: {} }); }],
  ['4401 on subscribe before connection_ack', 4401, ({ send }) => send({ type: 'subscribe', id: '1', payload: { query: '{ hello }' } })],
  ['4403 when the init hook refuses', 4403, ({ send }) => send({ type: 'connection_init', payload: { reject: true } })],
  // A client that offers only other subprotocols fails its own handshake (the server selects
  // none, as graphql-ws's server does), so 4406 reaches a client that offered no subprotocol.
  ['4406 when graphql-transport-ws is not requested', 4406, () => {}, { protocol: null }],
  ['4408 without connection_init in time', 4408, () => {}],
  ['4409 on a second subscribe with an active id', 4409, async ({ send, next }) => {
    await init(send, next);
    send({ type: 'subscribe', id: 'same', payload: { query: 'subscription { ticks(intervalMs: 1000) }' } });
    send({ type: 'subscribe', id: 'same', payload: { query: 'subscription { ticks(intervalMs: 1000) }' } });
  }],
  ['4429 on a second connection_init', 4429, async ({ send, next }) => { await init(send, next); send({ type: 'connection_init' }); }],
];

const checks = [];
for (const [name, expected, script, options] of expectations) {
  const { code, reason } = await session(script, options);
  checks.push({ name, ok: code === expected, detail: `closed ${code} ${reason ?? ''}`.trim() });
}

const ping = await session(async ({ ws, send, next }) => {
  send({ type: 'ping', payload: { at: 42 } });
  const pong = await next();
  const ack = await init(send, next);
  send({ type: 'ping' });
  const bare = await next();
  ws.close(1000);
  ws.result = { pong, ack, bare };
});
const [pong, ack, bare] = ping.messages;
checks.push({ name: 'ping before init is answered by pong with the same payload', ok: pong?.type === 'pong' && pong?.payload?.at === 42, detail: JSON.stringify(pong) });
checks.push({ name: 'connection_init is acknowledged', ok: ack?.type === 'connection_ack', detail: JSON.stringify(ack) });
checks.push({ name: 'ping without payload gets pong without payload', ok: bare?.type === 'pong' && !('payload' in bare), detail: JSON.stringify(bare) });
checks.push({ name: 'a client close (1000) is echoed', ok: ping.code === 1000, detail: `closed ${ping.code}` });

report(checks);
