// How long a page of the web client takes to show its content, in Chromium: the time from
// navigation start until `selector` is in the DOM, measured by a MutationObserver in the page's
// own clock (so the driver's polling adds nothing), over <runs> loads after one warm-up; and
// the resource waterfall of the last load. Drives Debian's /usr/bin/chromium with the
// playwright-core the browser tests already ship (see docs/benchmarks.md):
//   PW_CORE=tests/Governance.WebClient.Tests/bin/Debug/net10.0/.playwright/package \
//   node web-client/scripts/measure-page.mjs <base-url> <path> <selector> <runs> [handle password]
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { chromium } = require(process.env.PW_CORE);
const [base, path, selector, runsText, handle, password] = process.argv.slice(2);
const runs = Number(runsText ?? 5);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
await context.addInitScript((sel) => {
  // Records, in the page's own clock (ms since navigation start), when the content appears.
  new MutationObserver((_, observer) => {
    if (document.querySelector(sel)) { window.__shown = performance.now(); observer.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
}, selector);
const page = await context.newPage();
if (handle) {
  const r = await page.request.post(`${base}/api/account/sign-in`, { data: { handleOrEmail: handle, password } });
  if (!r.ok()) { console.error('sign-in failed', r.status(), await r.text()); process.exit(1); }
}
const results = [];
for (let i = 0; i < runs + 1; i++) {
  const t0 = Date.now();
  await page.goto(`${base}${path}`, { waitUntil: 'commit' });
  await page.waitForSelector(selector, { timeout: 30000 });
  const shown = Math.round(await page.evaluate(() => window.__shown));
  if (i > 0) results.push(shown);
  if (i === runs) {
    const entries = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => `${Math.round(e.startTime)}–${Math.round(e.responseEnd)} ms ${e.name.replace(location.origin, '')} ${e.transferSize} B`));
    const nav = await page.evaluate(() => { const n = performance.getEntriesByType('navigation')[0]; return `document ${Math.round(n.responseEnd)} ms, DOMContentLoaded ${Math.round(n.domContentLoadedEventEnd)} ms`; });
    console.log(nav + '\n' + entries.join('\n'));
  }
}
results.sort((a, b) => a - b);
console.log(JSON.stringify({ path, runs: results, median: results[Math.floor(results.length / 2)] }));
await browser.close();
