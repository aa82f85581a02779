import { useEffect, useRef } from 'react';
import { onSubscriptionsReconnected } from './client';

/** Runs `callback` when the subscription socket comes back after a drop (see onSubscriptionsReconnected). */
export function useOnReconnect(callback: () => void): void {
  const latest = useRef(callback);
  useEffect(() => {
    latest.current = callback;
  });
  useEffect(() => onSubscriptionsReconnected(() => latest.current()), []);
}
