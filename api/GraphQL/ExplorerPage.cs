namespace Governance.Api.GraphQL;

/// <summary>
/// A small self-contained GraphQL explorer served at /graphql to browsers: no CDN, no bundle,
/// works offline. It posts the query (Ctrl+Enter runs it), shows the response and browses the
/// schema's SDL. GraphiQL itself would need a CDN or a JavaScript build step in the api.
/// </summary>
internal static class ExplorerPage
{
    public const string Html = """
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GraphQL explorer · Governance</title>
<style>
  :root { color-scheme: light dark; --border: #8888; font-family: system-ui, sans-serif; }
  body { margin: 0; display: grid; grid-template-rows: auto 1fr; height: 100vh; }
  header { display: flex; gap: .75rem; align-items: center; padding: .5rem 1rem; border-bottom: 1px solid var(--border); }
  h1 { font-size: 1rem; margin: 0 auto 0 0; }
  main { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; padding: 1rem; min-height: 0; }
  section { display: flex; flex-direction: column; gap: .25rem; min-height: 0; }
  label { font-weight: 600; }
  textarea, pre { font: 13px/1.4 ui-monospace, monospace; border: 1px solid var(--border); border-radius: 4px; padding: .5rem; margin: 0; }
  textarea { resize: vertical; }
  #query { flex: 3; } #variables { flex: 1; }
  pre { flex: 1; overflow: auto; white-space: pre-wrap; }
  button { font: inherit; padding: .35rem .9rem; border-radius: 4px; border: 1px solid var(--border); cursor: pointer; }
  button:focus-visible, textarea:focus-visible { outline: 3px solid #3b82f6; outline-offset: 1px; }
  #status { font-variant-numeric: tabular-nums; }
</style>
</head>
<body>
<header>
  <h1>GraphQL explorer</h1>
  <span id="status" role="status" aria-live="polite"></span>
  <button id="run" type="button" title="Run (Ctrl+Enter)">Run ▶</button>
  <button id="schema" type="button" aria-controls="result">Show schema</button>
</header>
<main>
  <section>
    <label for="query">Query</label>
    <textarea id="query" spellcheck="false">{
  __typename
}</textarea>
    <label for="variables">Variables (JSON)</label>
    <textarea id="variables" spellcheck="false">{}</textarea>
  </section>
  <section>
    <label for="result">Response</label>
    <pre id="result" tabindex="0" aria-live="polite"></pre>
  </section>
</main>
<script>
  const $ = id => document.getElementById(id);
  const endpoint = location.pathname;
  const saved = localStorage.getItem('explorer.query');
  if (saved) $('query').value = saved;
  async function run() {
    let variables;
    try { variables = JSON.parse($('variables').value || '{}'); }
    catch (e) { $('result').textContent = 'Variables are not valid JSON: ' + e.message; return; }
    localStorage.setItem('explorer.query', $('query').value);
    $('status').textContent = 'Running…';
    const started = performance.now();
    try {
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
        body: JSON.stringify({ query: $('query').value, variables })
      });
      const text = await res.text();
      let shown = text;
      try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch { }
      $('result').textContent = shown;
      $('status').textContent = res.status + ' · ' + Math.round(performance.now() - started) + ' ms';
    } catch (e) {
      $('result').textContent = String(e);
      $('status').textContent = 'Failed';
    }
  }
  async function schema() {
    const res = await fetch(endpoint + '?sdl');
    $('result').textContent = await res.text();
    $('status').textContent = 'Schema (SDL)';
  }
  $('run').addEventListener('click', run);
  $('schema').addEventListener('click', schema);
  document.addEventListener('keydown', e => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(); }
  });
</script>
</body>
</html>
""";
}
