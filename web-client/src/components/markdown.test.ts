import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

describe('proposal markdown', () => {
  it('renders headings, emphasis, lists and links', () => {
    const html = renderMarkdown('## Why\n\nWe **must**.\n\n- one\n- two\n\n[More](https://example.org/a)');
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelector('h2')?.textContent).toBe('Why');
    expect(doc.querySelector('strong')?.textContent).toBe('must');
    expect(doc.querySelectorAll('li')).toHaveLength(2);
    const link = doc.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.org/a');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer nofollow');
  });

  it.each([
    ['a script tag', '<script>window.pwned = 1</script>hello'],
    ['an image with onerror', '<img src="x" onerror="window.pwned = 1">'],
    ['a javascript: link', '[click](javascript:window.pwned=1)'],
    ['a javascript: link in raw HTML', '<a href="JaVaScRiPt:window.pwned=1">click</a>'],
    ['a data: link', '<a href="data:text/html,<script>alert(1)</script>">x</a>'],
    ['an svg with onload', '<svg onload="window.pwned=1"><circle r="1"/></svg>'],
    ['an iframe', '<iframe src="https://evil.example"></iframe>'],
    ['a style attribute', '<p style="background:url(https://evil.example/x)">x</p>'],
    ['a form', '<form action="https://evil.example"><button>Go</button></form>'],
  ])('makes %s inert', (_, markdown) => {
    const doc = new DOMParser().parseFromString(renderMarkdown(markdown), 'text/html');
    expect(doc.querySelectorAll('script, svg, iframe, form, button, img, [style], [onerror], [onload], [onclick]')).toHaveLength(0);
    for (const a of Array.from(doc.querySelectorAll('a'))) expect(a.getAttribute('href') ?? '').not.toMatch(/^\s*(javascript|data):/i);
  });

  it('shows raw HTML as the text it is', () => {
    const doc = new DOMParser().parseFromString(renderMarkdown('<p onclick="x()">Hi</p>'), 'text/html');
    expect(doc.body.textContent).toContain('<p onclick="x()">Hi</p>');
  });

  it('keeps the alt text of a remote image but not the image, which would track readers', () => {
    const html = renderMarkdown('![a chart](https://tracker.example/pixel.png)');
    expect(html).not.toContain('<img');
    expect(html).toContain('a chart');
    expect(renderMarkdown('![logo](/logo.png)')).toContain('<img src="/logo.png" alt="logo">');
  });
});
