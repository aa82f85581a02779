import DOMPurify from 'dompurify';
import { Marked } from 'marked';

/**
 * Proposal markdown to safe HTML. Anyone can write a proposal, so its text is hostile until
 * proven otherwise: marked turns it into HTML (raw HTML in the markdown escaped as text), then
 * DOMPurify keeps only inert markup — no scripts, event handlers, javascript: or data: links,
 * forms, styles or frames. The page's CSP (script-src 'self') is the second wall, not the first:
 * sanitising also keeps the CSP from ever having to refuse something (and report it).
 */
const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);

// Raw HTML in a proposal is shown as the text it is, never parsed: parsing it at all (even in
// DOMPurify's inert document) makes Chromium report CSP violations for its inline handlers.
const marked = new Marked({ gfm: true, breaks: false, async: false, renderer: { html: ({ text }) => escapeHtml(text) } });

const purifier = DOMPurify();

purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    // Links in a proposal lead away from the app: never let them act on this window.
    node.setAttribute('rel', 'noopener noreferrer nofollow');
  }
});

const options = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'svg', 'math'],
  FORBID_ATTR: ['style', 'class', 'id', 'target'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|\/(?!\/)|#)/i,
  RETURN_DOM_FRAGMENT: true as const,
};

export function renderMarkdown(markdown: string): string {
  const fragment = purifier.sanitize(marked.parse(markdown) as string, options);
  for (const img of Array.from(fragment.querySelectorAll('img'))) {
    // Only the app's own images: a remote one would track readers (and the CSP refuses it).
    const src = img.getAttribute('src') ?? '';
    if (!src.startsWith('/') || src.startsWith('//')) img.replaceWith(document.createTextNode(img.getAttribute('alt') ?? ''));
  }
  const holder = document.createElement('div');
  holder.append(fragment);
  return holder.innerHTML;
}
