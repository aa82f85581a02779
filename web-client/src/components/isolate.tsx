import { Fragment, type ReactNode } from 'react';

const FSI = '\u2068';
const PDI = '\u2069';
const isolateControls = /[\u2066-\u2069]/g;

/**
 * Marks text a member typed (a name, a title, an area, a reason) for bidirectional isolation:
 * U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE, the Unicode form of `<bdi>`
 * (`unicode-bidi: isolate`). It travels through messages as a string; {@link bidi} turns
 * each marked part into a `<bdi>` where the text reaches the page, and where no element can go
 * (`document.title`, an `aria-label`, an `<option>`) the marks themselves isolate it. The
 * closing mark also ends any override the text left open: a display name ending in U+202E
 * RIGHT-TO-LEFT OVERRIDE (old data, from before such names were refused) cannot reverse the
 * text around it. Isolate marks inside the text are dropped, so it cannot close its own.
 */
export function isolate(text: string): string {
  return `${FSI}${text.replace(isolateControls, '')}${PDI}`;
}

/** A member as the pages name them: "Display Name (@handle)", the display name isolated. */
export function personName(p: { displayName: string; handle: string }): string {
  return `${isolate(p.displayName)} (@${p.handle})`;
}

/** Renders a string with {@link isolate}d parts: each part a `<bdi>`, without the marks. */
export function bidi(text: string): ReactNode {
  if (!text.includes(FSI)) return text;
  const parts: ReactNode[] = [];
  let rest = text;
  let key = 0;
  for (let start = rest.indexOf(FSI); start >= 0; start = rest.indexOf(FSI)) {
    const end = rest.indexOf(PDI, start);
    if (end < 0) break;
    if (start > 0) parts.push(<Fragment key={key++}>{rest.slice(0, start)}</Fragment>);
    parts.push(<bdi key={key++}>{rest.slice(start + 1, end)}</bdi>);
    rest = rest.slice(end + 1);
  }
  if (rest) parts.push(<Fragment key={key++}>{rest}</Fragment>);
  return <>{parts}</>;
}
