import { useState } from "react";
import { lobbyConnection } from "../lobby-connection";
import { watchRoom } from "../room-actions";
import { CodeForm } from "./code-form";

/**
 * Join a room by its code (or link), or watch its game. A code whose game has
 * already started cannot be joined: the form offers to watch it right there,
 * as the room's link would (private rooms are not in the room list).
 */
export function JoinCodeForm() {
  const [started, setStarted] = useState<string | null>(null);

  async function join(code: string): Promise<boolean> {
    setStarted(null);
    const outcome = await lobbyConnection.enterByCode(code, true);
    if (outcome === "started") setStarted(code);
    return outcome === "entered";
  }

  return (
    <CodeForm
      kind="room"
      label="Room code"
      className="join-code"
      onSubmit={join}
      onEdit={() => setStarted(null)}
      hint={
        started ? (
          <div className="join-code-offer" role="status" data-testid="watch-offer">
            <p>
              The game in room <strong className="join-code-offer-code">{started}</strong> has already started.
            </p>
            <button
              type="button"
              className="button button--primary button--small"
              onClick={() => void watchRoom(started)}
            >
              Watch the game
            </button>
          </div>
        ) : (
          <p className="field-hint join-code-hint">Join to play, or watch a game that's already running.</p>
        )
      }
      buttons={(busy, run) => (
        <>
          <button type="submit" className="button button--primary" disabled={busy}>
            Join
          </button>
          <button type="button" className="button button--ghost" disabled={busy} onClick={() => run(watchRoom)}>
            Watch
          </button>
        </>
      )}
    />
  );
}
