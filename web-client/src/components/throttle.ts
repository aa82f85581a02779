import { useCallback, useEffect, useRef } from 'react';

/**
 * A throttle for live refetches: the first call runs at once; calls within `ms` of the last
 * run collapse into one run at the end of that interval, so the newest change is always
 * fetched but a burst (the night of a vote: a change per vote) costs at most one query per
 * interval per open page.
 */
export function throttle(fn: () => void, ms: number, now: () => number = Date.now) {
  let last = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    timer = undefined;
    last = now();
    fn();
  };
  return {
    call() {
      if (timer !== undefined) return;
      const wait = last + ms - now();
      if (wait <= 0) run();
      else timer = setTimeout(run, wait);
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}

/** {@link throttle} for a component: the latest `fn` runs, and a pending run is dropped on unmount. */
export function useThrottled(fn: () => void, ms: number): () => void {
  const latest = useRef(fn);
  useEffect(() => {
    latest.current = fn;
  }, [fn]);
  const throttled = useRef<ReturnType<typeof throttle> | null>(null);
  useEffect(() => {
    const t = throttle(() => latest.current(), ms);
    throttled.current = t;
    return () => {
      t.cancel();
      throttled.current = null;
    };
  }, [ms]);
  return useCallback(() => throttled.current?.call(), []);
}
