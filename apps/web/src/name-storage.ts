const KEY = "lobby:name";

// Storage can throw (private mode, disabled cookies); a forgotten name is harmless.

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
