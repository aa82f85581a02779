import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { bidi } from './isolate';

/**
 * The page's h1. On every page change it sets the document title and takes focus, so a
 * screen reader announces the new page and Tab continues from its top.
 */
export function PageHeading({ children }: { children: string | ReactNode }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const text = typeof children === 'string' ? children : null;

  useEffect(() => {
    document.title = text ? `${text} · ${t.appName}` : t.appName;
  }, [text, t]);

  useEffect(() => {
    // Not on the first page load: there the browser's own start (and the skip link) should win.
    if (document.body.dataset.navigated === 'true') heading.current?.focus();
    document.body.dataset.navigated = 'true';
  }, []);

  return (
    <h1 ref={heading} tabIndex={-1} className="page-heading">
      {typeof children === 'string' ? bidi(children) : children}
    </h1>
  );
}
