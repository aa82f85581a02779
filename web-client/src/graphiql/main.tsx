/**
 * GraphiQL for /graphql, served by the api to a browser that asks /graphql for HTML
 * (docs/graphql-transport.md). Bundled here, so it works offline; Monaco's workers are
 * separate files from this origin (the page's CSP allows worker-src 'self').
 */
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './graphiql.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { getOperationAST, parse } from 'graphql';
import { createClient } from 'graphql-ws';
import { sessionToken, withSessionToken } from './session';

const endpoint = '/graphql';
const { protocol, host } = window.location;

const toolkitFetcher = createGraphiQLFetcher({
  url: endpoint,
  // Queries and mutations: POST with the session cookie and its X-CSRF-Token.
  fetch: withSessionToken(window.fetch.bind(window)),
  // Subscriptions: graphql-transport-ws on the same path, opened on first use. A socket that
  // carries the session cookie must send the session's token in connection_init (4403 if not).
  wsClient: createClient({
    url: `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}${endpoint}`,
    lazy: true,
    connectionParams: async () => {
      const token = await sessionToken(window.fetch.bind(window));
      return token ? { csrfToken: token } : {};
    },
  }),
});

/**
 * The toolkit sends an operation over the socket only when the document GraphiQL hands it
 * holds a subscription of that name; that document comes from the editor's last (debounced)
 * parse and can be missing or stale right after typing, and a subscription then went out as a
 * POST, which the api refuses. The text being sent is what counts: parse it here, and take
 * the operation's name from it when the one GraphiQL passes names nothing in it.
 */
const fetcher: Fetcher = (params, options) => {
  let documentAST;
  try {
    documentAST = parse(params.query);
  } catch {
    // Unparseable: sent as it is, the api answers with the syntax error.
    return toolkitFetcher(params, options);
  }
  const operation =
    getOperationAST(documentAST, params.operationName ?? undefined) ?? getOperationAST(documentAST, undefined);
  const operationName = operation ? (operation.name?.value ?? null) : (params.operationName ?? null);
  return toolkitFetcher({ ...params, operationName }, { ...options, documentAST });
};

const defaultQuery = `# GraphiQL for the Governance API. Ctrl+Enter runs the operation.
# Queries work signed out; sign in on the main site first to act as a member.
query {
  __typename
}
`;

const root = document.getElementById('graphiql');
if (!root) throw new Error('#graphiql is missing from graphiql.html');
createRoot(root).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} />
  </StrictMode>,
);
