import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { useFocusAfterRender } from './focusAfterRender';

function Announcer() {
  const [message, setMessage] = useState<string | null>(null);
  const [ref, focusSoon] = useFocusAfterRender<HTMLParagraphElement>();
  return (
    <>
      <button
        type="button"
        onClick={() => {
          // Resolved later, as a mutation's answer is: not inside React's event batch.
          void Promise.resolve().then(() => {
            setMessage('Done.');
            focusSoon();
          });
        }}
      >
        Act
      </button>
      {/* Absent until the message is rendered: focusing before the commit finds nothing. */}
      {message ? (
        <p ref={ref} tabIndex={-1} role="status">
          {message}
        </p>
      ) : null}
    </>
  );
}

describe('useFocusAfterRender', () => {
  it('focuses an element that the same update makes appear', async () => {
    render(<Announcer />);
    await userEvent.click(screen.getByRole('button', { name: 'Act' }));
    const status = await screen.findByRole('status');
    expect(status).toHaveFocus();
  });

  it('focuses it again when asked again with the element already shown', async () => {
    render(<Announcer />);
    const button = screen.getByRole('button', { name: 'Act' });
    await userEvent.click(button);
    expect(await screen.findByRole('status')).toHaveFocus();
    button.focus();
    await userEvent.click(button);
    await act(async () => {});
    expect(screen.getByRole('status')).toHaveFocus();
  });
});
