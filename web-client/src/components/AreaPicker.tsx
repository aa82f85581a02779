import { useId } from 'react';
import { useQuery } from 'urql';
import { useI18n } from '../i18n/i18n';
import { AreasQuery, flattenAreas } from './AreaSelect';

/**
 * A labelled select of every area of the tree, each labelled with its path ("Party › Economy"),
 * for pages that always show one area: the first root area when nothing is chosen, unless a
 * placeholder asks the member to choose.
 */
export function AreaPicker({ value, onChange, label, placeholder }: { value: string | null; onChange: (id: string) => void; label?: string; placeholder?: string }) {
  const { t } = useI18n();
  const id = useId();
  const [{ data, error }] = useQuery({ query: AreasQuery });
  const options = flattenAreas(data?.areas ?? []);
  return (
    <div className="field field-inline">
      <label htmlFor={id}>{label ?? t.power.areaLabel}</label>
      <select id={id} value={value ?? (placeholder ? '' : options[0]?.id ?? '')} onChange={(event) => onChange(event.target.value)}>
        {/* With a placeholder nothing is chosen for the member: a default could act where they did not mean to. */}
        {placeholder ? (
          <option value="" disabled>
            {placeholder}
          </option>
        ) : null}
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.path}
          </option>
        ))}
      </select>
      {error ? (
        <p role="alert" className="field-error">
          {t.power.loadFailed(error.message)}
        </p>
      ) : null}
    </div>
  );
}
