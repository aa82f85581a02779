import { useId } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';

// Three levels (Party › Economy › Housing): a fourth nested list exceeds the api's cost limit.
const AreasQuery = graphql(`
  query AreaTree {
    areas {
      id
      name
      children {
        id
        name
        children {
          id
          name
        }
      }
    }
  }
`);

interface AreaNode {
  id: string;
  name: string;
  children?: AreaNode[] | null;
}

/** The area tree flattened depth-first, each area labelled with its path ("Party › Economy"). */
export function flattenAreas(roots: readonly AreaNode[], prefix = ''): { id: string; label: string }[] {
  return roots.flatMap((area) => {
    const label = prefix ? `${prefix} › ${area.name}` : area.name;
    return [{ id: area.id, label }, ...flattenAreas(area.children ?? [], label)];
  });
}

/** A labelled select of every area of the tree; the first root area when nothing is chosen. */
export function AreaSelect({ value, onChange, label }: { value: string | null; onChange: (id: string) => void; label?: string }) {
  const { t } = useI18n();
  const id = useId();
  const [{ data, error }] = useQuery({ query: AreasQuery });
  const options = flattenAreas(data?.areas ?? []);
  return (
    <div className="field field-inline">
      <label htmlFor={id}>{label ?? t.power.areaLabel}</label>
      <select id={id} value={value ?? options[0]?.id ?? ''} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
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
