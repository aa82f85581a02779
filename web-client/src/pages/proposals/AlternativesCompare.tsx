import { useId, useMemo, useState } from 'react';
import { Markdown } from '../../components/Markdown';
import { useI18n } from '../../i18n/i18n';
import { DiffText } from './DiffText';
import { wordDiff } from './wordDiff';

export type ComparedText = { key: string; title: string; body: string };

/**
 * An issue's texts side by side (the proposal and its alternatives, issue 18): pick any two, read
 * them in two columns (rendered), and below a word diff of their sources from the left one to the
 * right one — the same diff as a proposal's versions.
 */
export function AlternativesCompare({ texts }: { texts: ComparedText[] }) {
  const { t } = useI18n();
  const c = t.issue.compare;
  const id = useId();
  const [left, setLeft] = useState(texts[0]?.key ?? '');
  const [right, setRight] = useState(texts[1]?.key ?? '');
  const a = texts.find((x) => x.key === left) ?? texts[0];
  const b = texts.find((x) => x.key === right) ?? texts[1];
  const parts = useMemo(() => (a && b ? wordDiff(a.body, b.body) : []), [a, b]);
  if (!a || !b) return null;
  const options = texts.map((x) => (
    <option key={x.key} value={x.key}>
      {x.title}
    </option>
  ));
  return (
    <section aria-labelledby={`${id}-title`} className="alternatives-compare" data-testid="alternatives-compare">
      <h3 id={`${id}-title`}>{c.title}</h3>
      <p className="version-pickers">
        <label htmlFor={`${id}-left`}>{c.left}</label>{' '}
        <select id={`${id}-left`} value={a.key} onChange={(e) => setLeft(e.target.value)}>
          {options}
        </select>{' '}
        <label htmlFor={`${id}-right`}>{c.right}</label>{' '}
        <select id={`${id}-right`} value={b.key} onChange={(e) => setRight(e.target.value)}>
          {options}
        </select>
      </p>
      <div className="side-by-side">
        {[a, b].map((x, i) => (
          <article key={i} className="side" aria-label={x.title} data-testid={`side-${i}`}>
            <h4>{x.title}</h4>
            <Markdown text={x.body} />
          </article>
        ))}
      </div>
      <h4>{c.diffTitle(a.title, b.title)}</h4>
      <p className="field-hint">{t.deliberation.versions.legend}</p>
      <DiffText parts={parts} testId="alternatives-diff" />
    </section>
  );
}
