import { beforeEach, describe, expect, it, vi } from "vitest";
import type { LobbyConnection } from "./connection-api";
import type * as connectionModule from "./lobby-connection";
import { createRoom } from "./room-actions";
import { signedIn } from "./test-connection";
import { room } from "./test-fixtures";

// The actions use the app's connection; here it is one over a fake client, signed in anew for each test.
const app = vi.hoisted(() => ({ connection: null as LobbyConnection | null }));
vi.mock("./lobby-connection", async (importOriginal) => {
  const live = () => {
    if (!app.connection) throw new Error("No connection for this test");
    return app.connection;
  };
  const original = await importOriginal<typeof connectionModule>();
  return {
    ...original,
    lobbyConnection: {
      ...original.lobbyConnection,
      request: ((send, options) => live().request(send, options)) satisfies LobbyConnection["request"],
      enteredRoom: ((view) => live().enteredRoom(view)) satisfies LobbyConnection["enteredRoom"],
    },
  };
});

let t: ReturnType<typeof signedIn>;
beforeEach(() => {
  t = signedIn();
  app.connection = t.connection;
});

describe("creating a room", () => {
  it("sends the form's settings, whether it is rated included, and enters the room", async () => {
    const created = createRoom("trails", { maxPlayers: 4, visibility: "private", rated: true });
    expect(t.client().calls.map(({ method, args }) => ({ method, args }))).toEqual([
      { method: "createRoom", args: ["trails", { maxPlayers: 4, visibility: "private", rated: true }] },
    ]);
    t.client().answer("createRoom", { ok: true, data: room({ kind: "custom", phase: "waiting", rated: true }) });
    expect(await created).toBe(true);
    expect(t.state().room).toMatchObject({ id: "room-1", rated: true });
  });
});
