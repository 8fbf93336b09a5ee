import { useId, useState, type FormEvent } from "react";
import { lobbyConnection } from "../lobby-connection";
import { watchRoom } from "../room-actions";
import { readCodeInput } from "../room-url";

export function JoinCodeForm() {
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const errorId = useId();

  async function go(how: "join" | "watch") {
    if (busy) return;
    const read = readCodeInput(value);
    if (!read.ok) {
      setError(read.error);
      return;
    }
    setBusy(true);
    const entered = how === "join" ? await lobbyConnection.enterByCode(read.code) : await watchRoom(read.code);
    setBusy(false);
    if (entered) setValue("");
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void go("join");
  }

  return (
    <form className="join-code" onSubmit={onSubmit} noValidate>
      <label htmlFor={inputId} className="field-label">
        Room code
      </label>
      <div className="join-code-row">
        <input
          id={inputId}
          className="text-input code-input"
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder="K7QX3P"
          value={value}
          onChange={(event) => {
            setValue(event.target.value.toUpperCase());
            setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          Join
        </button>
        <button type="button" className="button button--ghost" disabled={busy} onClick={() => void go("watch")}>
          Watch
        </button>
      </div>
      <p className="field-hint join-code-hint">Join to play, or watch a game that's already running.</p>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
