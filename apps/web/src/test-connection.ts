import { FakeLobbyClient } from "./fake-lobby-client";
import type { SessionMemory } from "./connection-api";
import { createLobbyConnection } from "./lobby-connection";
import { initialState, type LobbyState, type ToastKind } from "./lobby-state";
import { session } from "./test-fixtures";

/*
 * The connection module's test harness: a connection over fake clients, a
 * plain store and an in-memory session memory, for the tests of anything
 * that goes through the connection.
 */

/** What this device remembers across tabs: the last name and the identity token. */
interface Device {
  name?: string;
  identity?: string;
}

/** This tab's and this device's storage, in memory. */
class FakeSessionMemory implements SessionMemory {
  name: string | null;
  identity: string | undefined;
  constructor(
    public saved: { name: string; token: string } | null,
    device: Device,
  ) {
    this.name = device.name ?? null;
    this.identity = device.identity;
  }
  loadRememberedName = () => this.name ?? "";
  rememberName = (name: string) => {
    this.name = name;
  };
  loadIdentity = () => this.identity;
  rememberIdentity = (identity: string) => {
    this.identity = identity;
  };
  loadSavedSession = () => this.saved;
  loadSessionToken = (name: string) => (this.saved?.name === name ? this.saved.token : undefined);
  rememberSessionToken = (name: string, token: string) => {
    this.saved = { name, token };
  };
  forgetSessionToken = () => {
    this.saved = null;
  };
}

/** A connection over fake clients, a plain store and an in-memory session memory. */
export function setup(saved: { name: string; token: string } | null = null, device: Device = {}) {
  let state: LobbyState = initialState;
  const update = (transition: (s: LobbyState) => LobbyState) => {
    state = transition(state);
  };
  const toasts: { kind: ToastKind; message: string; sticky?: true }[] = [];
  const clients: FakeLobbyClient[] = [];
  const memory = new FakeSessionMemory(saved, device);
  const connection = createLobbyConnection({
    createClient: (options) => {
      const client = new FakeLobbyClient(options);
      clients.push(client);
      return client;
    },
    store: {
      getState: () => state,
      update,
      showToast: (kind, message, options) => {
        toasts.push({ kind, message, ...(options?.sticky ? { sticky: true as const } : {}) });
      },
    },
    memory,
    now: () => 9_000,
  });
  /** The client the connection made last. */
  const client = () => {
    const last = clients.at(-1);
    if (!last) throw new Error("No client was created");
    return last;
  };
  return { connection, clients, client, memory, toasts, update, state: () => state };
}

/** A connection signed in as Ada. */
export function signedIn() {
  const t = setup();
  t.connection.joinLobby("Ada");
  t.client().accept(session);
  return t;
}

/** Let every answer already given run its awaiting code (they all settle in microtasks). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
