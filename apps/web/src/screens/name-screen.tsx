import { NAME_MAX_LENGTH } from "@lobby/contracts";
import { useId, useState, type FormEvent } from "react";
import { cancelJoin, clearNameError, joinLobby } from "../lobby-connection";
import { loadRememberedName } from "../name-storage";
import { useLobbyStore } from "../store";

export function NameScreen() {
  const [name, setName] = useState(loadRememberedName);
  const joining = useLobbyStore((s) => s.joining);
  const nameError = useLobbyStore((s) => s.nameError);
  const stuck = useLobbyStore((s) => s.joining && s.connection === "reconnecting");
  const busy = useLobbyStore((s) => s.serverBusy);
  const pendingJoin = useLobbyStore((s) => s.pendingJoin);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!joining) joinLobby(name);
  }

  return (
    <section className="name-screen" aria-labelledby="name-title">
      <div className="name-hero" aria-hidden="true">
        <span className="hero-disc" data-seat="0" />
        <span className="hero-disc" data-seat="1" />
        <span className="hero-disc" data-seat="0" />
        <span className="hero-disc" data-seat="1" />
      </div>
      <h1 id="name-title" className="name-title">
        Ready to play?
      </h1>
      {pendingJoin ? (
        <p className="name-invite" role="status">
          You're joining room <strong className="name-invite-code">{pendingJoin}</strong>. Pick a name and hit Play.
        </p>
      ) : (
        <p className="name-tagline">Pick a name, hit Play, and get matched with an opponent in seconds.</p>
      )}

      <form className="name-form card" onSubmit={onSubmit} noValidate>
        <label htmlFor={inputId} className="field-label">
          Your name
        </label>
        <input
          id={inputId}
          className="text-input"
          type="text"
          name="name"
          autoComplete="nickname"
          spellCheck={false}
          maxLength={NAME_MAX_LENGTH}
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            clearNameError();
          }}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? `${errorId} ${hintId}` : hintId}
          readOnly={joining}
          autoFocus
        />
        <p id={hintId} className="field-hint">
          1–{NAME_MAX_LENGTH} characters. Other players will see it.
        </p>
        {nameError && (
          <p id={errorId} className="field-error" role="alert">
            {nameError}
          </p>
        )}
        <button type="submit" className="button button--primary button--large" disabled={joining}>
          {joining ? (
            <>
              <span className="spinner" aria-hidden="true" />
              Connecting…
            </>
          ) : (
            "Play"
          )}
        </button>
        {stuck && (
          <p className="field-hint field-hint--warn">
            {busy
              ? "The server is very busy right now — you'll get in as soon as it catches up."
              : "Can't reach the server yet — still trying."}{" "}
            <button type="button" className="link-button" onClick={cancelJoin}>
              Stop
            </button>
          </p>
        )}
      </form>
    </section>
  );
}
