import type { DiffPart } from './wordDiff';
import { useI18n } from '../../i18n/i18n';

/**
 * A word diff as text: removed words struck through, added ones underlined, each also said in
 * words for screen readers ("[removed: …]"). Shared by a proposal's versions and an issue's
 * alternatives side by side.
 */
export function DiffText({ parts, testId = 'diff' }: { parts: DiffPart[]; testId?: string }) {
  const v = useI18n().t.deliberation.versions;
  return (
    <div className="diff" data-testid={testId}>
      {parts.map((p, i) =>
        p.kind === 'same' ? (
          <span key={i}>{p.text}</span>
        ) : p.kind === 'removed' ? (
          <del key={i}>
            <span className="diff-said">[{v.removed}: </span>
            {p.text}
            <span className="diff-said">]</span>
          </del>
        ) : (
          <ins key={i}>
            <span className="diff-said">[{v.added}: </span>
            {p.text}
            <span className="diff-said">]</span>
          </ins>
        ),
      )}
    </div>
  );
}
