import { lazy, Suspense, type ReactElement } from 'react';
import { useI18n } from '../../i18n/i18n';
import { ProposalPage } from './ProposalPage';

// The proposal page comes with the app: loaded lazily, React revealed it at its Suspense
// fallback throttle (300 ms) at the earliest, and only then started its query. The markdown
// renderer it needs (marked, DOMPurify) still loads on first use (components/Markdown.tsx).
// The editor, opened far less often, still loads when first opened.
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
