import type { ReactElement } from 'react';
import { DelegationsPage } from './DelegationsPage';
import { GraphPage } from './GraphPage';
import { KarmaPage } from './KarmaPage';
import { ModerationPage } from './ModerationPage';
import { PowerPage } from './PowerPage';

/** The delegation, karma, graph, power-balance and moderation pages by path; null for any other path. */
export function powerRoute(path: string): ReactElement | null {
  switch (path) {
    case '/delegations':
      return <DelegationsPage key={path} />;
    case '/karma':
      return <KarmaPage key={path} />;
    case '/graph':
      return <GraphPage key={path} />;
    case '/power':
      return <PowerPage key={path} />;
    case '/moderation':
      return <ModerationPage key={path} />;
    default:
      return null;
  }
}
