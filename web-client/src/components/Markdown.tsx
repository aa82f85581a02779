import { useMemo } from 'react';
import { renderMarkdown } from './markdown';

/** Sanitised markdown (see markdown.ts): the only place the client sets HTML. */
export function Markdown({ text, className }: { text: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(text), [text]);
  return <div className={className ? `markdown ${className}` : 'markdown'} dangerouslySetInnerHTML={{ __html: html }} />;
}
