// Shared helpers of the conformance scripts: arguments and a uniform last line of results.
export function argUrl(index = 2) {
  const url = process.argv[index];
  if (!url) {
    console.error(`usage: node ${process.argv[1]} <url>`);
    process.exit(2);
  }
  return url;
}

/** Prints one line per check, then a JSON summary, and sets the exit code. */
export function report(checks) {
  for (const c of checks) {
    console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}${c.detail ? ` — ${c.detail}` : ''}`);
  }
  const failed = checks.filter((c) => !c.ok).length;
  console.log(JSON.stringify({ total: checks.length, ok: checks.length - failed, failed }));
  process.exitCode = failed === 0 ? 0 : 1;
}
