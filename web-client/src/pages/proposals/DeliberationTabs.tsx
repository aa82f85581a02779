import '../../styles.deliberation.css';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import { Discussion } from './Discussion';
import { Versions } from './Versions';
import { Suggestions } from './Suggestions';

interface Tab {
  key: string;
  label: string;
  panel: () => ReactNode;
}

/**
 * The proposal page's deliberation (issue 17) as tabs: the WAI-ARIA tabs pattern (arrow keys,
 * Home and End move between tabs; only the chosen one is in the tab order), one panel shown.
 */
export function DeliberationTabs({ proposalId, viewerId }: { proposalId: string; viewerId: string | null }) {
  const { t } = useI18n();
  const tabs: Tab[] = [
    { key: 'discussion', label: t.deliberation.discussionTab(0), panel: () => <Discussion proposalId={proposalId} viewerId={viewerId} /> },
    { key: 'suggestions', label: t.deliberation.suggestions.title, panel: () => <Suggestions proposalId={proposalId} viewerId={viewerId} /> },
    { key: 'versions', label: t.deliberation.versionsTab(0), panel: () => <Versions proposalId={proposalId} /> },
  ];
  const [selected, setSelected] = useState(tabs[0]!.key);
  const buttons = useRef<Record<string, HTMLButtonElement | null>>({});

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const next =
      event.key === 'ArrowRight' ? (index + 1) % tabs.length
      : event.key === 'ArrowLeft' ? (index - 1 + tabs.length) % tabs.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? tabs.length - 1
      : null;
    if (next === null) return;
    event.preventDefault();
    const key = tabs[next]!.key;
    setSelected(key);
    buttons.current[key]?.focus();
  }

  const current = tabs.find((tab) => tab.key === selected) ?? tabs[0]!;
  return (
    <div className="deliberation">
      <div role="tablist" aria-label={t.deliberation.tabs} className="tabs">
        {tabs.map((tab, i) => (
          <button
            key={tab.key}
            ref={(b) => {
              buttons.current[tab.key] = b;
            }}
            type="button"
            role="tab"
            id={`tab-${tab.key}`}
            aria-selected={tab.key === current.key}
            aria-controls={`panel-${tab.key}`}
            tabIndex={tab.key === current.key ? 0 : -1}
            className={tab.key === current.key ? 'tab tab-selected' : 'tab'}
            onClick={() => setSelected(tab.key)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${current.key}`} aria-labelledby={`tab-${current.key}`} className="tab-panel">
        {current.panel()}
      </div>
    </div>
  );
}
