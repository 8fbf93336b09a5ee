import { NAME_MAX_LENGTH } from "@lobby/contracts";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { NoticeCard } from "../components/notice-card";
import { lobbyConnection } from "../lobby-connection";
import { nameLength } from "../name-length";
import { loadRememberedName } from "../name-storage";
import { dismissSessionClosed } from "../operator-state";
import type { SessionClosed } from "../lobby-state";
import { update, useLobbyStore } from "../store";

export function NameScreen() {
  // A returning player is being signed in by the app: no form to fill in.
  const returning = useLobbyStore((s) => (s.joining ? s.autoSignIn : null));
  const closed = useLobbyStore((s) => s.sessionClosed);
  if (closed) return <SessionEnded closed={closed} />;
  return returning === null ? <NameForm /> : <WelcomeBack name={returning} />;
}

/** An admin kicked or banned this player: why, in the server's words, and nothing happens until they move on. */
function SessionEnded({ closed }: { closed: SessionClosed }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section className="name-screen session-ended" aria-labelledby="ended-title" data-testid="session-ended">
      <span className="session-ended-emblem" aria-hidden="true">
        !
      </span>
      <h1 id="ended-title" ref={heading} tabIndex={-1} className="name-title">
        {closed.reason === "banned" ? "You've been banned" : "You were removed"}
      </h1>
      <p className="session-ended-message" role="alert">
        {closed.message}
      </p>
      <p className="name-tagline">
        {closed.reason === "banned"
          ? "You can't play until the ban runs out."
          : "An admin ended your session. You can come back as a new session when you're ready."}
      </p>
      <button type="button" className="button button--ghost" onClick={() => update(dismissSessionClosed)}>
        {closed.reason === "banned" ? "OK" : "Back to the start"}
      </button>
    </section>
  );
}

function NameForm() {
  const [name, setName] = useState(loadRememberedName);
  const joining = useLobbyStore((s) => s.joining);
  const nameError = useLobbyStore((s) => s.nameError);
  const pendingJoin = useLobbyStore((s) => s.pendingJoin);
  const pendingParty = useLobbyStore((s) => s.pendingParty);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const length = nameLength(name);
  const over = length > NAME_MAX_LENGTH;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!joining) lobbyConnection.joinLobby(name);
  }

  return (
    <section className="name-screen" aria-labelledby="name-title">
      <Hero />
      <h1 id="name-title" className="name-title">
        Ready to play?
      </h1>
      <NoticeCard only={["link"]} />
      {pendingJoin ? (
        <p className="name-invite" role="status">
          You're joining room <strong className="name-invite-code">{pendingJoin}</strong>. Pick a name and hit Play.
        </p>
      ) : pendingParty ? (
        <p className="name-invite" role="status">
          A friend invited you to their party <strong className="name-invite-code">{pendingParty}</strong>. Pick a name
          and hit Play to join it.
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
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            lobbyConnection.clearNameError();
          }}
          aria-invalid={nameError || over ? true : undefined}
          aria-describedby={nameError ? `${errorId} ${hintId}` : hintId}
          readOnly={joining}
          autoFocus
        />
        {/* The limit is said, and counted, where the name is typed: nothing is cut off without a word. */}
        <p id={hintId} className="field-hint name-hint" data-over={over || undefined} aria-live="polite">
          <span>
            {over
              ? `Names can be at most ${NAME_MAX_LENGTH} characters: this one is ${length - NAME_MAX_LENGTH} too long.`
              : `Up to ${NAME_MAX_LENGTH} characters. Other players will see it.`}
          </span>
          <span className="name-count" data-testid="name-count" aria-hidden="true">
            {length}/{NAME_MAX_LENGTH}
          </span>
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
        <StuckHint stoppable />
      </form>
    </section>
  );
}

/** A reload, or a player this device remembers: signed in without the form. */
function WelcomeBack({ name }: { name: string }) {
  const pendingJoin = useLobbyStore((s) => s.pendingJoin);
  const pendingParty = useLobbyStore((s) => s.pendingParty);
  return (
    <section className="name-screen" aria-labelledby="name-title" aria-busy="true">
      <Hero />
      <h1 id="name-title" className="name-title">
        Welcome back, <span className="name-returning">{name}</span>!
      </h1>
      <p className="name-tagline name-signing-in" role="status">
        <span className="spinner" aria-hidden="true" />
        {pendingJoin
          ? `Signing you in to join room ${pendingJoin}…`
          : pendingParty
            ? `Signing you in to join party ${pendingParty}…`
            : "Signing you in…"}
      </p>
      <StuckHint />
      <p className="name-switch">
        Not {name}?{" "}
        <button type="button" className="link-button" onClick={lobbyConnection.cancelJoin}>
          Use another name
        </button>
      </p>
    </section>
  );
}

function Hero() {
  return (
    <div className="name-hero" aria-hidden="true">
      <span className="hero-disc" data-seat="0" />
      <span className="hero-disc" data-seat="1" />
      <span className="hero-disc" data-seat="0" />
      <span className="hero-disc" data-seat="1" />
    </div>
  );
}

/** Still no session after a while: say why we wait, and (on the form) offer to stop. */
function StuckHint({ stoppable = false }: { stoppable?: boolean }) {
  const stuck = useLobbyStore((s) => s.joining && s.connection === "reconnecting");
  const busy = useLobbyStore((s) => s.serverBusy);
  if (!stuck) return null;
  return (
    <p className="field-hint field-hint--warn">
      {busy
        ? "The server is very busy right now — you'll get in as soon as it catches up."
        : "Can't reach the server yet — still trying."}
      {stoppable && (
        <>
          {" "}
          <button type="button" className="link-button" onClick={lobbyConnection.cancelJoin}>
            Stop
          </button>
        </>
      )}
    </p>
  );
}
