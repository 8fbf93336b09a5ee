import { useId, useState, type FormEvent } from "react";
import { adminConnection } from "./admin-connection";
import { useAdminStore } from "./admin-store";

/* The operator's token, asked for before anything else; kept for this tab only. */

export function TokenPrompt() {
  const status = useAdminStore((s) => s.status);
  const signInError = useAdminStore((s) => s.signInError);
  const unreachable = useAdminStore((s) => s.unreachable);
  const [token, setToken] = useState("");
  const ids = { input: useId(), hint: useId(), error: useId() };
  const pending = status !== "signed-out";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!pending) adminConnection.signIn(token);
  }

  return (
    <section className="admin-signin" aria-labelledby="signin-title">
      <span className="admin-signin-emblem" aria-hidden="true">
        <svg viewBox="0 0 24 24" width="28" height="28">
          <path
            d="M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5l-8-3Z"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinejoin="round"
          />
          <path d="m8.5 12 2.5 2.5 4.5-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </span>
      <h1 id="signin-title" className="admin-signin-title">
        Lobby admin
      </h1>
      <p className="admin-signin-lead">
        Live figures for every node, and the tools to close rooms, remove players and talk to everyone.
      </p>
      <form className="card admin-signin-form" onSubmit={onSubmit} noValidate>
        <label htmlFor={ids.input} className="field-label">
          Admin token
        </label>
        <input
          id={ids.input}
          className="text-input"
          type="password"
          name="token"
          autoComplete="current-password"
          spellCheck={false}
          value={token}
          onChange={(event) => setToken(event.target.value)}
          readOnly={pending}
          aria-invalid={signInError ? true : undefined}
          aria-describedby={signInError ? `${ids.error} ${ids.hint}` : ids.hint}
          autoFocus
        />
        <p id={ids.hint} className="field-hint">
          The server's <code>ADMIN_TOKEN</code>. Kept in this tab only, until you sign out or close it.
        </p>
        {signInError && (
          <p id={ids.error} className="field-error" role="alert">
            {signInError}
          </p>
        )}
        <button type="submit" className="button button--primary button--large" disabled={pending}>
          {pending ? (
            <>
              <span className="spinner" aria-hidden="true" />
              {status === "connected" ? "Loading the figures…" : "Checking…"}
            </>
          ) : (
            "Sign in"
          )}
        </button>
        {pending && unreachable && (
          <p className="field-hint field-hint--warn">
            Can't reach the server yet — still trying.{" "}
            <button type="button" className="link-button" onClick={adminConnection.signOut}>
              Stop
            </button>
          </p>
        )}
      </form>
    </section>
  );
}
