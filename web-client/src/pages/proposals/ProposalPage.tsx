import { bidi, isolate, personName } from '../../components/isolate';
import { LiveStatus } from '../../components/LiveStatus';
import { Markdown, preloadMarkdown } from '../../components/Markdown';
import { PageHeading } from '../../components/PageHeading';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { SupportPanel } from './SupportPanel';
import { formatDate } from '../../components/format';
import { VotePanel } from './VotePanel';
import { BallotsPanel } from './BallotsPanel';
import { AppealPanel } from './AppealPanel';
import { IssuePanel } from './IssuePanel';
import { AlternativeOfNotice } from './AlternativeOfNotice';
import { EndorseButton, EndorsementRule } from '../../components/Endorse';
import { PolicyPanel } from '../rules/PolicyPanel';
import { DeliberationTabs } from './DeliberationTabs';
import { EarlierVersionNotice } from './EarlierVersionNotice';
import { AuthorActions } from './AuthorActions';
import { VotePathSection } from './VotePathSection';
import { HiddenNotice } from './HiddenNotice';
import { useProposal } from './useProposal';

export function ProposalPage({ id }: { id: string }) {
  const { t, language } = useI18n();
  const { data, error, fetching, socket, refresh, reload } = useProposal(id);
  void preloadMarkdown();

  if (!data) {
    if (error) {
      return (
        <>
          <PageHeading>{t.appName}</PageHeading>
          <p role="alert">{t.proposal.failed}</p>
        </>
      );
    }
    return fetching ? <p className="loading">{t.loading}</p> : null;
  }
  const proposal = data.proposal;
  if (!proposal) {
    return (
      <>
        <PageHeading>{t.notFound.title}</PageHeading>
        <p>{t.proposal.notFound}</p>
        <p>
          <Link href="/">{t.notFound.back}</Link>
        </p>
      </>
    );
  }

  const viewer = data.viewer;
  const isAuthor = viewer?.member.id === proposal.author.id;
  const author = personName(proposal.author);

  return (
    <article className="proposal">
      <PageHeading>{isolate(proposal.title)}</PageHeading>
      <AlternativeOfNotice proposalId={proposal.id} />
      <LiveStatus state={socket} />
      <p className="proposal-meta">
        <span className={`status status-${proposal.status.toLowerCase()}`} data-testid="proposal-status">
          {t.proposalStatus[proposal.status]}
        </span>{' '}
        {bidi(t.proposal.byline(author, isolate(proposal.area.name)))} · {t.proposal.created(formatDate(proposal.createdAt, language))}
        {/* Only the author's edits: a status change (a vote closing) is in the history, not an edit. */}
        {proposal.editedAt ? ` · ${t.proposal.edited(formatDate(proposal.editedAt, language))}` : null}
        {viewer ? <EndorseButton member={proposal.author} describedBy="author-endorsement-rule" /> : null}
      </p>

      {viewer && !isAuthor ? <EndorsementRule id="author-endorsement-rule" /> : null}
      {proposal.reworkUntil ? (
        <p className="notice" data-testid="rework-notice">
          {isAuthor ? t.proposal.reworkAuthor(formatDate(proposal.reworkUntil, language)) : t.proposal.rework(formatDate(proposal.reworkUntil, language))}
        </p>
      ) : null}
      {proposal.status === 'MERGED' && proposal.mergedInto ? (
        <p className="notice" data-testid="merged-into">
          {t.proposal.mergedInto}{' '}
          <Link href={`/proposals/${encodeURIComponent(proposal.mergedInto.id)}`}>{bidi(isolate(proposal.mergedInto.title))}</Link>
        </p>
      ) : null}

      <HiddenNotice proposalId={proposal.id} hidden={proposal.hidden ?? null} signedIn={Boolean(viewer)} isAuthor={isAuthor} onChanged={reload} />
      {isAuthor && proposal.status === 'OPEN' ? <AuthorActions proposalId={proposal.id} /> : null}

      <Markdown text={proposal.body} className="proposal-body" />

      <section aria-labelledby="support-heading" className="panel">
        <h2 id="support-heading">{t.proposal.scoreTitle}</h2>
        <p data-testid="proposal-score">{t.proposal.score(proposal.score, proposal.supporterCount)}</p>
        {proposal.appeal ? <AppealPanel appeal={proposal.appeal} /> : null}
        {viewer ? <EarlierVersionNotice proposalId={proposal.id} refreshKey={`${proposal.mySupport ?? 0}:${proposal.editedAt ?? ''}`} /> : null}
        {viewer ? (
          <SupportPanel
            proposalId={proposal.id}
            open={proposal.status === 'OPEN' || proposal.appeal?.outcome === 'PENDING'}
            mine={proposal.mySupport ?? 0}
            allowance={viewer.allowance}
            allowanceLeft={viewer.allowanceLeft}
            cap={viewer.maxPointsPerProposal}
          />
        ) : (
          <p>{t.proposal.signInToTakePart}</p>
        )}
      </section>

      {proposal.issue ? <IssuePanel proposalId={proposal.id} signedIn={Boolean(viewer)} /> : null}

      <section aria-labelledby="vote-heading" className="panel">
        <h2 id="vote-heading">{t.vote.title}</h2>
        {viewer && !proposal.issue?.ranked ? <VotePanel proposalId={proposal.id} status={proposal.status} myVote={proposal.myVote ?? null} votingRight={viewer.member.votingRight} /> : null}
        {proposal.tally && !proposal.issue?.ranked ? (
          <div data-testid="tally">
            <h3>{t.vote.tallyTitle}</h3>
            <p>{t.vote.tally(proposal.tally.yes, proposal.tally.no, proposal.tally.abstain)}</p>
            <p>{!proposal.tally.quorumReached ? t.vote.quorumMissed : proposal.tally.passed ? t.vote.passed : t.vote.failed}</p>
          </div>
        ) : ['SCHEDULED', 'VOTING'].includes(proposal.status) ? (
          <p>{t.vote.tallyHidden}</p>
        ) : proposal.issue?.ranked ? (
          <p>{t.issue.rankedVote}</p>
        ) : ['ACCEPTED', 'REJECTED'].includes(proposal.status) ? (
          // Decided before results were stored (an import): say so rather than nothing.
          <p>{t.vote.tallyMissing}</p>
        ) : null}
      </section>

      <BallotsPanel proposalId={proposal.id} status={proposal.status} refresh={refresh} />

      {viewer ? <VotePathSection proposal={proposal} refresh={refresh} /> : null}

      <DeliberationTabs proposalId={proposal.id} viewerId={viewer?.member.id ?? null} />

      <PolicyPanel policy={proposal.policy} lead={t.rules.forProposal} area={proposal.area} />

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t.proposal.historyTitle}</h2>
        <ol className="status-history">
          {proposal.statusHistory.map((h, i) => (
            <li key={i}>
              <strong>{h.appealOutcome ? t.appeal.history[h.appealOutcome] : t.proposalStatus[h.status]}</strong> · <time dateTime={h.at}>{formatDate(h.at, language)}</time>
              {h.actor ? bidi(` · ${t.proposal.historyBy(personName(h.actor))}`) : null}
              {h.reason ? bidi(` · ${isolate(h.reason)}`) : null}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
