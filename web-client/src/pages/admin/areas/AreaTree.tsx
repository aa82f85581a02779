import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { FormAlert } from '../../../components/FormAlert';
import { useI18n } from '../../../i18n/i18n';
import { useAccountAction } from '../../account/useAccountAction';
import { MoveAreaForm } from './MoveAreaForm';
import { ArchiveArea, RenameArea } from './queries';
import type { Area } from '../../../gql/graphql';

/** An area of the admin tree: the generated Area's fields, nested as deep as AreasAdmin selects. */
export type AreaNode = Pick<Area, 'id' | 'name' | 'slug' | 'archived'> & { children?: readonly AreaNode[] | null };

/** Every area, flattened in tree order with its depth (for the parent picker). */
export function flatten(nodes: readonly AreaNode[], depth = 0): { area: AreaNode; depth: number }[] {
  return nodes.flatMap((area) => [{ area, depth }, ...flatten(area.children ?? [], depth + 1)]);
}

/** The area tree with rename, move, archive/restore and "edit its policy" per area. */
export function AreaTree({
  roots,
  selected,
  onSelect,
  onDone,
}: {
  roots: readonly AreaNode[];
  selected: string | null;
  onSelect: (area: AreaNode | null) => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const a = t.adminAreas;
  const id = useId();
  const [renaming, setRenaming] = useState<string | null>(null);
  const [moving, setMoving] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [, rename] = useMutation(RenameArea);
  const [, archive] = useMutation(ArchiveArea);
  const { problem, status, alert, settle } = useAccountAction();

  async function submitRename(event: FormEvent, area: AreaNode) {
    event.preventDefault();
    const result = await rename({ area: area.id, name });
    if (settle(result, result.data?.renameArea.errors, a.renamed(name.trim()))) {
      setRenaming(null);
      onDone();
    }
  }

  async function toggleArchive(area: AreaNode) {
    const result = await archive({ area: area.id, archived: !area.archived });
    if (settle(result, result.data?.archiveArea.errors, area.archived ? a.restoredDone(area.name) : a.archivedDone(area.name))) onDone();
  }

  // A root stays a root, and an archived area stays put (the server refuses both too).
  const item = (area: AreaNode, parentId: string | null) => (
    <li key={area.id}>
      <div className="area-row">
        <span className={area.archived ? 'area-name area-archived' : 'area-name'}>
          {area.name} <span className="muted">({area.slug})</span>
          {area.archived ? <span className="badge"> {a.archived}</span> : null}
        </span>
        <button
          type="button"
          className="button button-secondary"
          aria-pressed={selected === area.id}
          aria-label={a.editPolicy(area.name)}
          onClick={() => onSelect(area)}
        >
          {a.short.policy}
        </button>
        <button
          type="button"
          className="button button-secondary"
          aria-label={a.rename(area.name)}
          onClick={() => {
            setRenaming(area.id);
            setName(area.name);
          }}
        >
          {a.short.rename}
        </button>
        {parentId !== null && !area.archived ? (
          <button
            type="button"
            className="button button-secondary"
            aria-label={a.move(area.name)}
            aria-expanded={moving === area.id}
            onClick={() => setMoving(moving === area.id ? null : area.id)}
          >
            {a.short.move}
          </button>
        ) : null}
        <button
          type="button"
          className="button button-secondary"
          aria-label={area.archived ? a.restore(area.name) : a.archive(area.name)}
          onClick={() => void toggleArchive(area)}
        >
          {area.archived ? a.short.restore : a.short.archive}
        </button>
      </div>
      {renaming === area.id ? (
        <form className="form inline-form" onSubmit={(e) => void submitRename(e, area)}>
          <label htmlFor={`${id}-${area.id}`}>{a.newName}</label>
          <input id={`${id}-${area.id}`} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="button">
            {a.saveName}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setRenaming(null)}>
            {a.cancel}
          </button>
        </form>
      ) : null}
      {moving === area.id ? (
        <MoveAreaForm
          area={area}
          parentId={parentId}
          roots={roots}
          settle={settle}
          onDone={() => {
            setMoving(null);
            onDone();
          }}
          onCancel={() => setMoving(null)}
        />
      ) : null}
      {area.children && area.children.length > 0 ? <ul>{area.children.map((child) => item(child, area.id))}</ul> : null}
    </li>
  );

  return (
    <section aria-labelledby={`${id}-h`} className="panel">
      <h2 id={`${id}-h`}>{a.treeTitle}</h2>
      <FormAlert ref={alert} message={problem?.message ?? null} />
      {status ? <p role="status">{status}</p> : null}
      <p>
        <button type="button" className="button button-secondary" aria-pressed={selected === null} onClick={() => onSelect(null)}>
          {a.organisationPolicy}
        </button>
      </p>
      <ul className="area-tree" data-testid="area-tree">
        {roots.map((root) => item(root, null))}
      </ul>
    </section>
  );
}
