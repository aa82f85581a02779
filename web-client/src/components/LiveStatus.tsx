import { useEffect, useState } from 'react';
import { getSocketState, onSocketState, type SocketState } from '../graphql/client';
import { useI18n } from '../i18n/i18n';

/** The live connection's state; a page refetches when `generation` moves (a reconnect). */
export function useSocketState(): SocketState {
  const [state, setState] = useState(getSocketState);
  useEffect(() => onSocketState(setState), []);
  return state;
}

/** A small status line: "Live updates on", or "reconnecting" while the socket is down. */
export function LiveStatus({ state }: { state: SocketState }) {
  const { t } = useI18n();
  return (
    <p role="status" className={`live-status live-status-${state.status}`} data-testid="live-status">
      {state.status === 'reconnecting' ? t.live.reconnecting : state.status === 'live' ? t.live.live : ''}
    </p>
  );
}
