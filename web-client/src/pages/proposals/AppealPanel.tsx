import { formatDate } from '../../components/format';
import type { ProposalPageQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';

/** A declined proposal's appeal as the proposal page selects it (generated type). */
export type AppealData = NonNullable<NonNullable<ProposalPageQuery['proposal']>['appeal']>;

/**
 * The appeal of a declined proposal (DESIGN §5): while its window is open, until when and how
 * far its support has come towards the target; after, whether it went back on the agenda.
 * Support itself goes through the support panel beside it.
 */
export function AppealPanel({ appeal }: { appeal: AppealData }) {
  const { t, language } = useI18n();
  const a = t.appeal;
  const target = new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(Math.ceil(appeal.target * 10) / 10);
  return (
    <div className="appeal" data-testid="appeal" data-outcome={appeal.outcome}>
      <h3>{a.title}</h3>
      {appeal.outcome === 'PENDING' ? (
        <>
          <p>{a.pending(formatDate(appeal.deadline, language))}</p>
          <p data-testid="appeal-progress">{a.progress(appeal.score, target, appeal.supporterCount, appeal.minimumSupporters)}</p>
        </>
      ) : appeal.outcome === 'UPHELD' ? (
        <p>{a.upheld}</p>
      ) : (
        <p>{a.lapsed(formatDate(appeal.deadline, language))}</p>
      )}
    </div>
  );
}
