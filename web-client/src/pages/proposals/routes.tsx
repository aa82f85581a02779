import type { ReactElement } from 'react';
import { EditProposalPage, ProposePage } from './ProposalForm';
import { ProposalPage } from './ProposalPage';

/** The members' proposal pages: /propose, /proposals/:id and /proposals/:id/edit; null for any other path. */
export function proposalRoute(path: string): ReactElement | null {
  if (path === '/propose') return <ProposePage key={path} />;
  const match = /^\/proposals\/([^/]+)(\/edit)?$/.exec(path);
  if (!match?.[1]) return null;
  let id: string;
  try {
    id = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  return match[2] ? <EditProposalPage key={path} id={id} /> : <ProposalPage key={path} id={id} />;
}
