import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';

const AlternativeOfQuery = graphql(`
  query AlternativeOf($id: ID!) {
    proposal(id: $id) {
      id
      alternativeOf {
        id
        title
      }
    }
  }
`);

/** On an alternative's own page: which issue it competes in, with a link to the issue (issue 18). */
export function AlternativeOfNotice({ proposalId }: { proposalId: string }) {
  const { t } = useI18n();
  const [{ data }] = useQuery({ query: AlternativeOfQuery, variables: { id: proposalId } });
  const lead = data?.proposal?.alternativeOf;
  if (!lead) return null;
  return (
    <p className="notice" data-testid="alternative-of">
      {t.issue.alternativeOf}{' '}
      <Link href={`/proposals/${encodeURIComponent(lead.id)}`}>{lead.title}</Link>
    </p>
  );
}
