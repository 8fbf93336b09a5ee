import type { ReactNode } from "react";

export interface StatusLineProps {
  /** The headline: "Your turn", "Ride!". */
  text: string;
  /** The line under it. */
  detail: string;
  /** `active` when the viewer has something to do now, `waiting` otherwise. */
  tone: "active" | "waiting";
  /** Something drawn before the text (a disc in the colour of the seat to move). */
  badge?: ReactNode;
}

/**
 * A game's status line in the web app's own look (its `match-status` style),
 * so each game states what is going on without knowing the app's classes.
 */
export function StatusLine({ text, detail, tone, badge }: StatusLineProps) {
  return (
    <div className="match-status" data-testid="match-status" data-tone={tone}>
      {badge}
      <span className="match-status-lines">
        <span className="match-status-text">{text}</span>
        <span className="match-status-detail">{detail}</span>
      </span>
    </div>
  );
}
