import { useId, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { formatDate } from '../../components/format';
import { bidi, isolate } from '../../components/isolate';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/i18n';
import { wordDiff } from './wordDiff';
import { DiffText } from './DiffText';

const VersionsQuery = graphql(`
  query ProposalVersions($id: ID!) {
    proposal(id: $id) {
      id
      versions {
        version
        title
        body
        writtenAt
        current
      }
    }
  }
`);

/**
 * Every version of a proposal's text and a word-level diff between any two (the previous and
 * the current one at first): removed words struck through, added ones underlined. The diff is
 * of the markdown source, so that a changed number or word is never hidden by formatting.
 */
export function Versions({ proposalId }: { proposalId: string }) {
  const { t, language } = useI18n();
  const v = t.deliberation.versions;
  const id = useId();
  const [{ data }] = useQuery({ query: VersionsQuery, variables: { id: proposalId }, requestPolicy: 'cache-and-network' });
  const versions = data?.proposal?.versions ?? [];
  const last = versions.length;
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const a = versions.find((x) => x.version === (from ?? last - 1));
  const b = versions.find((x) => x.version === (to ?? last));
  const parts = useMemo(() => (a && b ? wordDiff(a.body, b.body) : []), [a, b]);
  if (!data) return null;
  if (last <= 1) return <p>{v.only}</p>;

  const options = versions.map((x) => (
    <option key={x.version} value={x.version}>
      {v.label(x.version, formatDate(x.writtenAt, language), x.current)}
    </option>
  ));
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{v.title}</h2>
      <p className="version-pickers">
        <label htmlFor={`${id}-from`}>{v.from}</label>{' '}
        <select id={`${id}-from`} value={a?.version} onChange={(e) => setFrom(Number(e.target.value))}>
          {options}
        </select>{' '}
        <label htmlFor={`${id}-to`}>{v.to}</label>{' '}
        <select id={`${id}-to`} value={b?.version} onChange={(e) => setTo(Number(e.target.value))}>
          {options}
        </select>
      </p>
      <p className="field-hint">{v.legend}</p>
      {a && b && a.title !== b.title ? <p>{bidi(v.titleChanged(isolate(a.title), isolate(b.title)))}</p> : null}
      <DiffText parts={parts} />
    </section>
  );
}
