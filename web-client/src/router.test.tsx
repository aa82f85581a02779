import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RouterProvider, useRouter } from './router';

function Probe() {
  const { path, navigate } = useRouter();
  return (
    <>
      <p data-testid="path">{path}</p>
      <button type="button" onClick={() => navigate('/delegations?proposal=UHJvcG9zYWw6Nw')}>
        go
      </button>
    </>
  );
}

describe('router', () => {
  it('routes by the path of a link with a query, and leaves the query to the page', () => {
    render(
      <RouterProvider initialPath="/">
        <Probe />
      </RouterProvider>,
    );
    act(() => screen.getByRole('button', { name: 'go' }).click());
    expect(screen.getByTestId('path').textContent).toBe('/delegations');
    expect(new URLSearchParams(window.location.search).get('proposal')).toBe('UHJvcG9zYWw6Nw');
  });
});
