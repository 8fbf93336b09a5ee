import type { ConnectFourView } from "../schemas";
import { useId, useRef, useState, type CSSProperties, type KeyboardEvent } from "react";
import { cellIndex, columnForKey, describeColumn, isLastMove, isWinCell, landingRow } from "./connect-four-logic";

interface ConnectFourBoardProps {
  view: ConnectFourView;
  /** The viewer's seat, for the preview colour; null for a spectator. */
  mySeat: number | null;
  /** Whether a drop would be accepted now (game running and the viewer's turn). */
  myTurn: boolean;
  /** The player the viewer waits for while the game runs and it is not their turn; null otherwise. */
  waitingFor: string | null;
  finished: boolean;
  /** Changes with every rematch, so the new round's discs drop in fresh. */
  round: number;
  /** The last drop and whose move it is, in words, for screen readers (announceBoard). */
  announcement: string;
  onDrop: (column: number) => void;
}

/*
 * Three stacked layers with identical geometry: the discs (behind), the board
 * face with holes cut into it (so falling discs pass behind it), and a row of
 * transparent column buttons on top that take every click and key press.
 *
 * The column buttons are one tab stop (a roving tabindex): Tab lands on the
 * column last used, the arrows, Home and End move between columns, and Enter
 * or Space drops a disc there.
 */
export function ConnectFourBoard({
  view,
  mySeat,
  myTurn,
  waitingFor,
  finished,
  round,
  announcement,
  onDrop,
}: ConnectFourBoardProps) {
  const [hovered, setHovered] = useState<number | null>(null);
  // The column that takes the tab stop; a keyboard player starts over the middle, the strongest opening.
  const [active, setActive] = useState(() => Math.floor(view.columns / 2));
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const describedBy = useId();
  const columns = Array.from({ length: view.columns }, (_, column) => column);
  const rows = Array.from({ length: view.rows }, (_, row) => row);
  const previewRow = hovered !== null && myTurn ? landingRow(view, hovered) : null;

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, column: number) {
    const target = columnForKey(event.key, column, view.columns);
    if (target === null) return;
    event.preventDefault();
    setActive(target);
    buttons.current[target]?.focus();
  }

  return (
    <div
      className="c4"
      data-my-turn={myTurn}
      data-finished={finished}
      style={{ "--c4-columns": view.columns } as CSSProperties}
    >
      <div className="c4-preview">
        {columns.map((column) => (
          <span key={column} className="c4-preview-slot" aria-hidden="true">
            {myTurn && mySeat !== null && hovered === column && (
              <span className="c4-disc c4-disc--preview" data-seat={mySeat} />
            )}
          </span>
        ))}
        {/* Out of turn the columns take no drops; the board itself says who it waits for. */}
        {waitingFor !== null && (
          <p className="c4-waiting" data-testid="c4-waiting">
            <span className="c4-waiting-dot" data-seat={view.turn ?? undefined} aria-hidden="true" />
            Waiting for {waitingFor}…
          </p>
        )}
      </div>

      <div className="c4-board" data-testid="board" role="group" aria-label="Connect Four board">
        <div className="c4-layer c4-discs">
          {rows.map((row) =>
            columns.map((column) => {
              const seat = view.board[cellIndex(view, row, column)] ?? null;
              const win = isWinCell(view, row, column);
              // Once a line is complete, every other disc steps back.
              const dim = finished && view.winLine !== null && !win;
              return (
                <span
                  key={`${row}-${column}`}
                  className="c4-slot"
                  data-testid={`cell-${row}-${column}`}
                  data-seat={seat ?? ""}
                  data-win={win || undefined}
                  data-last={isLastMove(view, row, column) || undefined}
                >
                  {seat !== null ? (
                    <span
                      key={`disc-${round}`}
                      className="c4-fall"
                      style={{ "--c4-drop-rows": row + 1 } as CSSProperties}
                    >
                      <span className="c4-disc" data-seat={seat} data-dim={dim || undefined} />
                    </span>
                  ) : previewRow === row && hovered === column && mySeat !== null ? (
                    <span className="c4-disc c4-disc--ghost" data-seat={mySeat} />
                  ) : null}
                </span>
              );
            }),
          )}
        </div>

        <div className="c4-layer c4-face" aria-hidden="true">
          {rows.map((row) =>
            columns.map((column) => (
              <span key={`${row}-${column}`} className="c4-hole" data-win={isWinCell(view, row, column) || undefined} />
            )),
          )}
        </div>

        {/* Spectators get no column buttons at all: there is nothing for them to press. */}
        {mySeat !== null && (
          <div
            className="c4-layer c4-columns"
            role="toolbar"
            aria-label="Columns: arrow keys to choose, Enter to drop"
            onPointerLeave={() => setHovered(null)}
          >
            {columns.map((column) => (
              <button
                key={column}
                ref={(element) => {
                  buttons.current[column] = element;
                }}
                type="button"
                className="c4-column"
                aria-label={`Drop in column ${column + 1}`}
                aria-describedby={`${describedBy}-${column}`}
                // aria-disabled rather than disabled: a keyboard player keeps their place between turns.
                aria-disabled={!myTurn || undefined}
                tabIndex={column === active ? 0 : -1}
                data-full={landingRow(view, column) === null || undefined}
                onClick={() => {
                  if (myTurn) onDrop(column);
                }}
                onPointerEnter={() => setHovered(column)}
                onFocus={() => {
                  setActive(column);
                  setHovered(column);
                }}
                onBlur={() => setHovered((current) => (current === column ? null : current))}
                onKeyDown={(event) => onKeyDown(event, column)}
              >
                <span id={`${describedBy}-${column}`} className="visually-hidden">
                  {describeColumn(view, column)}
                </span>
              </button>
            ))}
          </div>
        )}
      </div>
      <p className="visually-hidden" aria-live="polite" data-testid="c4-announcement">
        {announcement}
      </p>
    </div>
  );
}
