import { ErrorCode } from "@lobby/contracts";
import { describe, expect, it } from "vitest";
import { audit, snapshot } from "./admin-fixtures";
import {
  ADMIN_OFF,
  CLOSED_BY_SERVER,
  createAdminConnection,
  describeAdminRefusal,
  TOKEN_REFUSED,
  type AdminSocket,
} from "./admin-connection";
import { initialAdminState, type AdminState } from "./admin-state";

/** Socket.IO's client socket, as far as the connection uses it; the test plays the server. */
class FakeSocket {
  connected = false;
  active = false;
  readonly sent: { event: string; payload: unknown }[] = [];
  private readonly handlers = new Map<string, ((...args: unknown[]) => void)[]>();
  constructor(readonly token: string) {}

  on(event: string, fn: (...args: unknown[]) => void): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), fn]);
    return this;
  }
  connect(): void {
    this.active = true;
  }
  disconnect(): void {
    const was = this.active;
    this.active = false;
    this.connected = false;
    if (was) this.fire("disconnect", "io client disconnect");
  }
  timeout() {
    return {
      emitWithAck: (event: string, payload: unknown) => {
        this.sent.push({ event, payload });
        return Promise.resolve({ ok: true, data: null });
      },
    };
  }

  // The server's side.
  accept(): void {
    this.connected = true;
    this.fire("connect");
  }
  refuse(error: Error): void {
    this.active = false;
    this.fire("connect_error", error);
  }
  fire(event: string, ...args: unknown[]): void {
    for (const fn of this.handlers.get(event) ?? []) fn(...args);
  }
}

function setup(saved: string | null = null) {
  let state: AdminState = initialAdminState;
  const sockets: FakeSocket[] = [];
  const tokens = {
    stored: saved,
    loadToken: () => tokens.stored,
    saveToken: (token: string) => {
      tokens.stored = token;
    },
    forgetToken: () => {
      tokens.stored = null;
    },
  };
  const connection = createAdminConnection({
    createSocket: (token) => {
      const socket = new FakeSocket(token);
      sockets.push(socket);
      return socket as unknown as AdminSocket;
    },
    store: { update: (transition) => (state = transition(state)) },
    tokens,
    now: () => 7,
  });
  return { connection, sockets, tokens, state: () => state, socket: () => sockets.at(-1)! };
}

const refusal = (code: string, message: string) => Object.assign(new Error(message), { data: { code, message } });

describe("the admin connection", () => {
  it("keeps a refused token's prompt, says so, and keeps no token", () => {
    const t = setup();
    t.connection.signIn(" wrong ");
    expect(t.socket().token).toBe("wrong");
    expect(t.state().status).toBe("connecting");
    t.socket().refuse(refusal(ErrorCode.Unauthorized, "Unauthorized"));
    expect(t.state()).toMatchObject({ status: "signed-out", signInError: TOKEN_REFUSED });
    expect(t.tokens.stored).toBeNull();
  });

  it("keeps an accepted token for this tab, shows the snapshots and audit entries, and forgets it on signing out", () => {
    const t = setup();
    t.connection.signIn("secret");
    t.socket().accept();
    expect(t.tokens.stored).toBe("secret");
    t.socket().fire("admin:snapshot", snapshot(2000, { online: 4 }));
    t.socket().fire("admin:audit", audit(2500));
    expect(t.state()).toMatchObject({ status: "connected", receivedAt: 7, audit: [audit(2500)] });
    expect(t.state().snapshot?.online).toBe(4);

    t.connection.signOut();
    expect(t.socket().active).toBe(false);
    expect(t.tokens.stored).toBeNull();
    expect(t.state()).toEqual(initialAdminState);
  });

  it("signs a reloaded tab in with its token, and waits out a server that is down", () => {
    const t = setup("secret");
    t.connection.signInOnStartUp();
    expect(t.socket().token).toBe("secret");
    // A transport error: Socket.IO is still trying (the socket stays active).
    t.socket().fire("connect_error", new Error("websocket error"));
    expect(t.state()).toMatchObject({ status: "connecting", unreachable: true });
    t.socket().accept();
    t.socket().connected = false;
    t.socket().fire("disconnect", "transport close");
    expect(t.state().status).toBe("reconnecting");
  });

  it("goes back to the prompt when the server ends the connection on purpose", () => {
    const t = setup();
    t.connection.signIn("secret");
    t.socket().accept();
    t.socket().active = false;
    t.socket().fire("disconnect", "io server disconnect");
    expect(t.state()).toMatchObject({ status: "signed-out", signInError: CLOSED_BY_SERVER });
  });

  it("sends actions only while connected", async () => {
    const t = setup();
    t.connection.signIn("secret");
    const early = await t.connection.request("admin:announce", { text: "Hi" });
    expect(early).toMatchObject({ ok: false, error: { code: "NOT_CONNECTED" } });
    t.socket().accept();
    expect(await t.connection.request("admin:announce", { text: "Hi" })).toEqual({ ok: true, data: null });
    expect(t.socket().sent).toEqual([{ event: "admin:announce", payload: { text: "Hi" } }]);
  });

  it("ignores a replaced socket's events", () => {
    const t = setup();
    t.connection.signIn("first");
    const first = t.socket();
    t.connection.signIn("second");
    first.fire("admin:snapshot", snapshot(1000));
    first.refuse(refusal(ErrorCode.Unauthorized, "Unauthorized"));
    expect(t.state()).toMatchObject({ status: "connecting", snapshot: null, signInError: null });
  });
});

describe("describeAdminRefusal", () => {
  it("names a wrong token, a server without an admin page, and otherwise the server's words", () => {
    expect(describeAdminRefusal(refusal(ErrorCode.Unauthorized, "Unauthorized"))).toBe(TOKEN_REFUSED);
    expect(describeAdminRefusal(new Error("Invalid namespace"))).toBe(ADMIN_OFF);
    expect(describeAdminRefusal(refusal(ErrorCode.TooManyConnections, "Too many connections."))).toBe(
      "Too many connections.",
    );
  });
});
