import { useId } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { Area } from '../gql/graphql';

// Three levels (Party › Economy › Housing): a fourth would multiply the query's cost past the
// api's budget (5,000) with its list estimates; deeper areas are not offered yet.
export const AreasQuery = graphql(`
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

/** An area of the tree: the generated Area's fields, nested as deep as AreaTree selects. */
type AreaNode = Pick<Area, 'id' | 'name'> & { children?: readonly AreaNode[] | null };

/** The area tree flattened in order, each name indented by its depth ("Party › Economy › Housing"). */
export function flattenAreas(roots: readonly AreaNode[]): { id: string; name: string; depth: number; path: string }[] {
  const out: { id: string; name: string; depth: number; path: string }[] = [];
  const walk = (nodes: readonly AreaNode[], depth: number, prefix: string) => {
    for (const node of nodes) {
      const path = prefix ? `${prefix} › ${node.name}` : node.name;
      out.push({ id: node.id, name: node.name, depth, path });
      walk(node.children ?? [], depth + 1, path);
    }
  };
  walk(roots, 0, '');
  return out;
}

/** A select of the area tree; `emptyLabel` adds a first option with the value "". */
export function AreaSelect({
  label,
  value,
  onChange,
  emptyLabel,
  invalid,
  describedBy,
  selectRef,
}: {
  label: string;
  value: string;
  onChange: (id: string) => void;
  emptyLabel: string;
  invalid?: boolean;
  describedBy?: string | undefined;
  selectRef?: (el: HTMLSelectElement | null) => void;
}) {
  const id = useId();
  const [{ data }] = useQuery({ query: AreasQuery });
  const areas = flattenAreas(data?.areas ?? []);
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        ref={selectRef}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
      >
        <option value="">{emptyLabel}</option>
        {areas.map((a) => (
          <option key={a.id} value={a.id} title={a.path}>
            {'\u00a0\u00a0'.repeat(a.depth) + a.name}
          </option>
        ))}
      </select>
    </>
  );
}
