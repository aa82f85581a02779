import { formatDate } from '../../components/format';
import type { ProposalStatus } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';

export const formatCount = (n: number, language: string) => new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(n);

/**
 * The dates that decide what a member can still do: when an open proposal expires, when a
 * scheduled one's vote starts and ends, when a running vote closes.
 */
export function ProposalWindow({
  proposal,
}: {
  proposal: { status: ProposalStatus; expiresAt?: string | null; votingStartsAt?: string | null; votingEndsAt?: string | null };
}) {
  const { t, language } = useI18n();
  const p = t.progress;
  let text: string | null = null;
  if (proposal.status === 'OPEN' && proposal.expiresAt) text = p.expires(formatDate(proposal.expiresAt, language));
  else if (proposal.status === 'SCHEDULED' && proposal.votingStartsAt && proposal.votingEndsAt)
    text = p.scheduled(formatDate(proposal.votingStartsAt, language), formatDate(proposal.votingEndsAt, language));
  else if (proposal.status === 'VOTING' && proposal.votingEndsAt) text = p.voting(formatDate(proposal.votingEndsAt, language));
  if (!text) return null;
  return (
    <span className="proposal-window" data-testid="proposal-window">
      {text}
    </span>
  );
}
