import type { ModeId, ModeInfo } from "@lobby/contracts";
import type { KeyboardEvent } from "react";

interface ModeTabsProps {
  modes: readonly ModeInfo[];
  selected: ModeId;
  onSelect: (mode: ModeId) => void;
  /** What the tabs choose between, for screen readers: "Game". */
  label: string;
  /** The id of the panel the tabs control; each tab's id is `${panelId}-${mode}`. */
  panelId: string;
}

/** The keys that move between tabs, and where each one goes from `index` of `count`. */
const MOVES: Record<string, (index: number, count: number) => number> = {
  ArrowLeft: (index, count) => (index - 1 + count) % count,
  ArrowRight: (index, count) => (index + 1) % count,
  Home: () => 0,
  End: (_, count) => count - 1,
};

/**
 * One tab per game mode, as a segmented control. Only the selected tab is in
 * the tab order; the arrow keys, Home and End move along and select at once.
 */
export function ModeTabs({ modes, selected, onSelect, label, panelId }: ModeTabsProps) {
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const move = MOVES[event.key];
    const index = modes.findIndex((m) => m.id === selected);
    const next = move && index !== -1 ? modes[move(index, modes.length)] : undefined;
    if (!next) return;
    event.preventDefault();
    onSelect(next.id);
    event.currentTarget.querySelector<HTMLElement>(`[data-mode="${next.id}"]`)?.focus();
  }

  return (
    <div className="mode-tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {modes.map((mode) => (
        <button
          key={mode.id}
          type="button"
          role="tab"
          id={`${panelId}-${mode.id}`}
          className="mode-tab"
          data-mode={mode.id}
          aria-selected={mode.id === selected}
          aria-controls={panelId}
          tabIndex={mode.id === selected ? 0 : -1}
          onClick={() => onSelect(mode.id)}
        >
          {mode.name}
        </button>
      ))}
    </div>
  );
}
