import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Moves focus to an element once React has committed the render that shows it. A
 * `setTimeout(focus, 0)` can run before that commit, while the element is still hidden
 * (`display: none`) or absent, and `focus()` on such an element silently does nothing, so
 * focus was lost now and then. Call `focusSoon` in the same handler that sets the state
 * which shows the element: the effect runs after that render.
 */
export function useFocusAfterRender<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [requests, setRequests] = useState(0);
  useEffect(() => {
    if (requests > 0) ref.current?.focus();
  }, [requests]);
  const focusSoon = useCallback(() => setRequests((n) => n + 1), []);
  return [ref, focusSoon] as const;
}
