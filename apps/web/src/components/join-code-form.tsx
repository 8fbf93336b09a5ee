import { lobbyConnection } from "../lobby-connection";
import { watchRoom } from "../room-actions";
import { CodeForm } from "./code-form";

/** Join a room by its code (or link), or watch its game. */
export function JoinCodeForm() {
  return (
    <CodeForm
      kind="room"
      label="Room code"
      className="join-code"
      onSubmit={(code) => lobbyConnection.enterByCode(code)}
      hint={<p className="field-hint join-code-hint">Join to play, or watch a game that's already running.</p>}
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
