import { useEffect, useMemo, useState } from 'react';

type Renderer = (text: string) => string;

// The renderer and sanitiser (marked, DOMPurify: about 28 kB gzipped) load on first use, in
// their own chunk, without Suspense: a suspended page is revealed at React's fallback throttle
// (300 ms) at the earliest, which once held the proposal page's query back by that much.
// Fetched as soon as a page that shows markdown renders, alongside its query.
let loaded: Renderer | null = null;
let loading: Promise<Renderer> | null = null;

function loadRenderer(): Promise<Renderer> {
  loading ??= import('./markdown').then((m) => (loaded = m.renderMarkdown));
  return loading;
}

/** Starts loading the renderer now (a page calls it on its first render, before its data arrives). */
export function preloadMarkdown(): Promise<unknown> {
  return loadRenderer();
}

function useRenderer(): Renderer | null {
  const [renderer, setRenderer] = useState<Renderer | null>(() => loaded);
  useEffect(() => {
    if (renderer) return;
    let cancelled = false;
    void loadRenderer().then((r) => {
      if (!cancelled) setRenderer(() => r);
    });
    return () => {
      cancelled = true;
    };
  }, [renderer]);
  return renderer;
}

/** Sanitised markdown (see markdown.ts): the only place the client sets HTML. */
export function Markdown({ text, className }: { text: string; className?: string }) {
  const render = useRenderer();
  const html = useMemo(() => (render ? render(text) : null), [render, text]);
  const classes = className ? `markdown ${className}` : 'markdown';
  // Until the renderer is here (a few ms after the page's data, if at all), the text as text.
  if (html === null) return <div className={`${classes} markdown-pending`}>{text}</div>;
  return <div className={classes} dangerouslySetInnerHTML={{ __html: html }} />;
}
