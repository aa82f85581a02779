import { lazy, Suspense, type ReactElement } from 'react';
import { useI18n } from '../../i18n/i18n';

// The proposal page and the editor carry the markdown renderer and sanitiser (marked,
// DOMPurify: about 28 kB gzipped); they load when first opened, not with the app.
const ProposalPage = lazy(() => import('./ProposalPage').then((m) => ({ default: m.ProposalPage })));
const ProposePage = lazy(() => import('./ProposalForm').then((m) => ({ default: m.ProposePage })));
const EditProposalPage = lazy(() => import('./ProposalForm').then((m) => ({ default: m.EditProposalPage })));

function Loading() {
  const { t } = useI18n();
  return (
    <p role="status" className="loading">
      {t.loading}
    </p>
  );
}

/** The members' proposal pages: /propose, /proposals/:id and /proposals/:id/edit; null for any other path. */
export function proposalRoute(path: string): ReactElement | null {
  let page: ReactElement | null = null;
  if (path === '/propose') page = <ProposePage />;
  const match = /^\/proposals\/([^/]+)(\/edit)?$/.exec(path);
  if (match?.[1]) {
    let id: string;
    try {
      id = decodeURIComponent(match[1]);
    } catch {
      return null;
    }
    page = match[2] ? <EditProposalPage id={id} /> : <ProposalPage id={id} />;
  }
  return page ? (
    <Suspense key={path} fallback={<Loading />}>
      {page}
    </Suspense>
  ) : null;
}
