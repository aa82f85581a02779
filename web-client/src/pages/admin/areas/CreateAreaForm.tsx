import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Field } from '../../../components/Field';
import { FormAlert } from '../../../components/FormAlert';
import { useI18n } from '../../../i18n/i18n';
import { useAccountAction } from '../../account/useAccountAction';
import { flatten, type AreaNode } from './AreaTree';
import { CreateArea } from './queries';

/** Adds an area at the top level or under any existing one. */
export function CreateAreaForm({ roots, onDone }: { roots: readonly AreaNode[]; onDone: () => void }) {
  const { t } = useI18n();
  const a = t.adminAreas;
  const id = useId();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [parent, setParent] = useState('');
  const [, create] = useMutation(CreateArea);
  const { problem, status, alert, settle } = useAccountAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await create({ name, slug, parent: parent || null });
    if (settle(result, result.data?.createArea.errors, a.created(name.trim()))) {
      setName('');
      setSlug('');
      onDone();
    }
  }

  const fieldError = (field: string) => (problem?.field === field ? [problem.message] : undefined);
  return (
    <section aria-labelledby={`${id}-h`} className="panel">
      <h2 id={`${id}-h`}>{a.createTitle}</h2>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <FormAlert ref={alert} message={problem?.message ?? null} />
        <Field label={a.createName} value={name} maxLength={100} errors={fieldError('name')} onChange={(e) => setName(e.target.value)} />
        <Field label={a.createSlug} value={slug} maxLength={50} errors={fieldError('slug')} onChange={(e) => setSlug(e.target.value)} />
        <div className="field">
          <label htmlFor={`${id}-parent`}>{a.createParent}</label>
          <select id={`${id}-parent`} value={parent} onChange={(e) => setParent(e.target.value)}>
            <option value="">{a.topLevel}</option>
            {flatten(roots).map(({ area, depth }) => (
              <option key={area.id} value={area.id}>
                {'\u2003'.repeat(depth) + area.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {a.create}
        </button>
        {status ? <p role="status">{status}</p> : null}
      </form>
    </section>
  );
}
