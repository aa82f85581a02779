import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useI18n } from '../../../i18n/i18n';
import type { useAccountAction } from '../../account/useAccountAction';
import type { AreaNode } from './AreaTree';
import { MoveArea } from './queries';

/** The areas an area may move under: not itself, nothing under it, nothing archived or under an archived area. */
export function parentChoices(roots: readonly AreaNode[], moving: string): { area: AreaNode; depth: number }[] {
  const walk = (nodes: readonly AreaNode[], depth: number): { area: AreaNode; depth: number }[] =>
    nodes
      .filter((node) => node.id !== moving && !node.archived)
      .flatMap((area) => [{ area, depth }, ...walk(area.children ?? [], depth + 1)]);
  return walk(roots, 0);
}

/** Puts an area, with its sub-areas, under another parent (moveArea); the server's refusal shows in the tree's alert. */
export function MoveAreaForm({
  area,
  parentId,
  roots,
  settle,
  onDone,
  onCancel,
}: {
  area: AreaNode;
  parentId: string | null;
  roots: readonly AreaNode[];
  settle: ReturnType<typeof useAccountAction>['settle'];
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const a = t.adminAreas;
  const id = useId();
  const choices = parentChoices(roots, area.id);
  const [parent, setParent] = useState(() => choices.find((c) => c.area.id !== parentId)?.area.id ?? '');
  const [, move] = useMutation(MoveArea);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await move({ area: area.id, parent });
    const parentName = choices.find((c) => c.area.id === parent)?.area.name ?? '';
    if (settle(result, result.data?.moveArea.errors, a.moved(area.name, parentName))) onDone();
  }

  return (
    <form className="form" onSubmit={(e) => void submit(e)}>
      <p className="muted">{a.moveIntro}</p>
      <div className="field">
        <label htmlFor={`${id}-parent`}>{a.moveTo(area.name)}</label>
        <select id={`${id}-parent`} value={parent} onChange={(e) => setParent(e.target.value)}>
          {choices.map(({ area: choice, depth }) => (
            <option key={choice.id} value={choice.id}>
              {'\u2003'.repeat(depth) + choice.name}
            </option>
          ))}
        </select>
      </div>
      <div className="actions-row">
        <button type="submit" className="button">
          {a.saveMove}
        </button>{' '}
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {a.cancel}
        </button>
      </div>
    </form>
  );
}
