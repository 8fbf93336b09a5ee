const KEY = "lobby:name";
const IDENTITY_KEY = "lobby:identity";

/*
 * The name and this device's identity token live in localStorage: they
 * outlive the tab, so a player who comes back is known again. Storage can
 * throw (private mode, disabled cookies); a forgotten name or identity is
 * harmless: the player just types the name again, as a new player.
 */

export function loadRememberedName(): string {
  try {
    return localStorage.getItem(KEY) ?? "";
  } catch {
    return "";
  }
}

export function rememberName(name: string): void {
  try {
    localStorage.setItem(KEY, name);
  } catch {
    // Nothing to do: the player just types it again next time.
  }
}

/** This device's latest identity token (see `Session.identity`), if it was ever given one. */
export function loadIdentity(): string | undefined {
  try {
    return localStorage.getItem(IDENTITY_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function rememberIdentity(identity: string): void {
  try {
    localStorage.setItem(IDENTITY_KEY, identity);
  } catch {
    // Nothing to do: next time this device starts as a new player.
  }
}

const SESSION_KEY = "lobby:session";

/*
 * The session token lives in sessionStorage: per tab, so a reload resumes this
 * tab's seat, while a fresh tab starts its own session.
 */

/** This tab's last session, if it had one (a reload resumes it without asking for the name). */
export function loadSavedSession(): { name: string; token: string } | null {
  try {
    const saved: unknown = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? "null");
    if (saved && typeof saved === "object" && "name" in saved && "token" in saved) {
      if (typeof saved.name === "string" && typeof saved.token === "string") {
        return { name: saved.name, token: saved.token };
      }
    }
  } catch {
    // Unreadable or unavailable: start a new session.
  }
  return null;
}

/** The token of this tab's last session under `name`, to resume it. */
export function loadSessionToken(name: string): string | undefined {
  const saved = loadSavedSession();
  return saved?.name === name ? saved.token : undefined;
}

export function rememberSessionToken(name: string, token: string): void {
  try {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify({ name, token }));
  } catch {
    // Nothing to do: a reload then starts a new session.
  }
}

export function forgetSessionToken(): void {
  try {
    sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // Nothing to forget.
  }
}
