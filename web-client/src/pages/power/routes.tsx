import type { ReactElement } from 'react';
import { DelegationsPage } from './DelegationsPage';
import { GraphPage } from './GraphPage';
import { KarmaPage } from './KarmaPage';
import { MetamoderationPage } from './MetamoderationPage';
import { ModerationPage } from './ModerationPage';
import { PowerPage } from './PowerPage';

/** The delegation, karma, graph, power-balance, moderation and metamoderation pages by path; null for any other path. */
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
    case '/metamoderation':
      return <MetamoderationPage key={path} />;
    default:
      return null;
  }
}
