import { useRef, type KeyboardEvent, type ReactNode } from 'react';

interface Tab {
  id: string;
  title: string;
  panel: ReactNode;
}

/** Tabs as the ARIA pattern has them: arrow keys, Home and End move between tabs; only the chosen panel shows. */
export function Tabs({ label, tabs, selected, onSelect }: { label: string; tabs: Tab[]; selected: string; onSelect: (id: string) => void }) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const index = Math.max(0, tabs.findIndex((t) => t.id === selected));

  function onKey(e: KeyboardEvent) {
    const next =
      e.key === 'ArrowRight' ? (index + 1) % tabs.length
      : e.key === 'ArrowLeft' ? (index - 1 + tabs.length) % tabs.length
      : e.key === 'Home' ? 0
      : e.key === 'End' ? tabs.length - 1
      : -1;
    if (next < 0) return;
    e.preventDefault();
    onSelect(tabs[next].id);
    refs.current[tabs[next].id]?.focus();
  }

  const current = tabs[index];
  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} onKeyDown={onKey}>
        {tabs.map((t) => (
          <button key={t.id} type="button" role="tab" id={`tab-${t.id}`} aria-controls={`panel-${t.id}`}
            aria-selected={t.id === current.id} tabIndex={t.id === current.id ? 0 : -1}
            ref={(el) => { refs.current[t.id] = el; }} onClick={() => onSelect(t.id)}>
            {t.title}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${current.id}`} aria-labelledby={`tab-${current.id}`}>
        {current.panel}
      </div>
    </div>
  );
}
