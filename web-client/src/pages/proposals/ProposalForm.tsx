import { useEffect, useState } from 'react';
import { bidi, isolate } from '../../components/isolate';
import { PageHeading } from '../../components/PageHeading';
import { useI18n } from '../../i18n/i18n';
import { Link, useRouter } from '../../router';
import { useSession } from '../../session/session';
import { checkLimits, ProposalFields, type Values } from './ProposalFields';
import { useEditProposal, usePropose } from './useProposalForm';
import { outcomeOf, type MutationOutcome } from './userErrors';

const noErrors: MutationOutcome = { fields: {}, form: null };

export function ProposePage() {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const { state } = useSession();
  const [values, setValues] = useState<Values>({ area: '', title: '', body: '' });
  const [outcome, setOutcome] = useState<MutationOutcome>(noErrors);
  const [{ fetching }, propose] = usePropose();

  if (state.status !== 'signedIn') {
    return (
      <>
        <PageHeading>{t.propose.title}</PageHeading>
        <p>
          {t.propose.signInFirst} <Link href="/sign-in">{t.nav.signIn}</Link>
        </p>
      </>
    );
  }

  async function submit() {
    const refused = { ...(values.area ? {} : { area: t.propose.areaRequired }), ...checkLimits(t, values) };
    if (Object.keys(refused).length > 0) {
      setOutcome({ fields: refused, form: null });
      return;
    }
    const result = await propose({ input: { area: values.area, title: values.title, body: values.body } });
    const created = result.data?.propose.proposal;
    if (created) {
      navigate(`/proposals/${encodeURIComponent(created.id)}`);
      return;
    }
    setOutcome(outcomeOf(t, result.data?.propose.errors, result.error));
  }

  return (
    <>
      <PageHeading>{t.propose.title}</PageHeading>
      <ProposalFields
        values={values}
        onChange={setValues}
        withArea
        outcome={outcome}
        busy={fetching}
        submitLabel={t.propose.submit}
        busyLabel={t.propose.submitting}
        cancelHref="/"
        onSubmit={() => void submit()}
      />
    </>
  );
}

export function EditProposalPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const {
    query: { data, fetching: loading },
    mutation: { fetching },
    edit,
  } = useEditProposal(id);
  const [values, setValues] = useState<Values | null>(null);
  const [outcome, setOutcome] = useState<MutationOutcome>(noErrors);

  const proposal = data?.proposal;
  useEffect(() => {
    if (proposal && values === null) setValues({ area: '', title: proposal.title, body: proposal.body });
  }, [proposal, values]);

  if (!data) return loading ? <p className="loading">{t.loading}</p> : null;
  if (!proposal) {
    return (
      <>
        <PageHeading>{t.notFound.title}</PageHeading>
        <p>{t.proposal.notFound}</p>
      </>
    );
  }
  const back = `/proposals/${encodeURIComponent(proposal.id)}`;
  const refusal = data.viewer?.member.id !== proposal.author.id ? t.propose.notAuthor : proposal.status !== 'OPEN' ? t.propose.notOpen : null;
  if (refusal || !values) {
    return (
      <>
        <PageHeading>{t.propose.editTitle(isolate(proposal.title))}</PageHeading>
        {refusal ? <p role="alert">{refusal}</p> : null}
        <p>
          <Link href={back}>{bidi(isolate(proposal.title))}</Link>
        </p>
      </>
    );
  }

  async function submit() {
    if (!values) return;
    const refused = checkLimits(t, values);
    if (Object.keys(refused).length > 0) {
      setOutcome({ fields: refused, form: null });
      return;
    }
    const result = await edit({ input: { proposal: id, title: values.title, body: values.body } });
    if (result.data?.editProposal.proposal) {
      navigate(back);
      return;
    }
    setOutcome(outcomeOf(t, result.data?.editProposal.errors, result.error));
  }

  return (
    <>
      <PageHeading>{t.propose.editTitle(isolate(proposal.title))}</PageHeading>
      <ProposalFields
        values={values}
        onChange={setValues}
        withArea={false}
        outcome={outcome}
        busy={fetching}
        submitLabel={t.propose.save}
        busyLabel={t.propose.saving}
        cancelHref={back}
        onSubmit={() => void submit()}
      />
    </>
  );
}
