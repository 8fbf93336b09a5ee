const KEY = "lobby:admin-token";

/*
 * The admin token lives in sessionStorage: a reload of the tab stays signed
 * in, but closing the tab forgets it, and no other tab or later visit can
 * read it (never localStorage). Storage can throw (disabled storage): then
 * the operator types the token again after a reload.
 */

export function loadToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function saveToken(token: string): void {
  try {
    sessionStorage.setItem(KEY, token);
  } catch {
    // Nothing to do: asked again after a reload.
  }
}

export function forgetToken(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing stored, nothing to forget.
  }
}
