import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { bidi, isolate, personName } from './isolate';

describe('bidirectional isolation of what members typed', () => {
  it('renders each isolated part as a <bdi> and the rest as plain text, without the marks', () => {
    const { container } = render(<p>{bidi(`By ${personName({ displayName: 'Dec\u202E', handle: 'dec' })} in ${isolate('Urban planning')}`)}</p>);
    const parts = [...container.querySelectorAll('bdi')].map((b) => b.textContent);
    expect(parts).toEqual(['Dec\u202E', 'Urban planning']);
    expect(container.textContent).toBe('By Dec\u202E (@dec) in Urban planning');
    // The override stays inside its <bdi>: the text after it is not in one.
    expect(container.querySelector('bdi')!.nextSibling!.textContent).toBe(' (@dec) in ');
  });

  it('drops isolate marks inside a name, so a name cannot close its own isolation', () => {
    expect(isolate('a\u2069\u202Eb')).toBe('\u2068a\u202Eb\u2069');
    const { container } = render(<p>{bidi(`${isolate('a\u2069\u202Eb')} wrote`)}</p>);
    expect(container.querySelector('bdi')!.textContent).toBe('a\u202Eb');
  });
});
