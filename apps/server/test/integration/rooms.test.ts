import { ErrorCode, type RoomView } from "@lobby/contracts";
import { afterEach, describe, expect, it } from "vitest";
import { nextEvent, startTestServer } from "../support/test-server";
import { data } from "../support/results";

let server: Awaited<ReturnType<typeof startTestServer>>;

afterEach(async () => {
  await server.close();
});

describe("rooms over websocket", () => {
  it("host creates a private room, friends join by code, chat, ready up, and the game starts after a countdown", async () => {
    server = await startTestServer({ countdownMs: 50 });
    const host = await server.connect("Host");
    const ann = await server.connect("Ann");
    const bob = await server.connect("Bob");
    const room = data(await host.client.createRoom("trails", { maxPlayers: 4, visibility: "private" }));
    expect(room.code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);

    expect(await ann.client.joinRoom("nope42")).toMatchObject({ ok: false, error: { code: ErrorCode.InvalidPayload } });
    expect(await ann.client.joinRoom("ZZZZZZ")).toMatchObject({ ok: false, error: { code: ErrorCode.RoomNotFound } });
    // A newcomer gets what was said before and their own arrival in the answer, not pushed as well;
    // the host hears of it with the room's state.
    const heardByAnn: string[] = [];
    ann.client.on("chat:message", (m) => heardByAnn.push(m.text));
    const hostHears = nextEvent(host.client, "chat:message", (m) => m.text === "Ann joined.");
    let annPushes = 0;
    ann.client.socket.onAny((event: string) => {
      if (event === "room:state" || event === "chat:history" || event === "chat:message") annPushes++;
    });
    const joined = data(await ann.client.joinRoom(room.code.toLowerCase()));
    expect(joined.chat?.map((m) => m.text)).toEqual(["Host joined.", "Ann joined."]);
    expect(heardByAnn).toEqual(["Host joined.", "Ann joined."]);
    await hostHears;
    const bobIn = nextEvent(ann.client, "room:state", (view) => view.seats.length === 3);
    data(await bob.client.joinRoom(room.code));
    // Bob's arrival is Ann's first push: none came with her own.
    expect((await bobIn).chat?.map((m) => m.text)).toEqual(["Bob joined."]);
    expect(annPushes).toBe(1);

    const heard = nextEvent(bob.client, "chat:message", (m) => m.kind === "user");
    data(await ann.client.sendChat("room", "  hello <script>alert(1)</script>  "));
    expect(await heard).toMatchObject({ from: { name: "Ann" }, text: "hello <script>alert(1)</script>" });

    expect(await ann.client.startGame()).toMatchObject({ ok: false, error: { code: ErrorCode.NotHost } });
    expect(await host.client.startGame()).toMatchObject({ ok: false, error: { code: ErrorCode.NotAllReady } });
    for (const p of [host, ann, bob]) data(await p.client.setReady(true));
    const playing = nextEvent(bob.client, "room:state", (r) => r.phase === "playing");
    const countdown = nextEvent(bob.client, "room:state", (r) => r.phase === "countdown");
    data(await host.client.startGame());
    expect((await countdown).countdownEndsAt).toBeGreaterThan(0);
    const started = await playing;
    expect(started.game?.mode).toBe("trails");
    expect(started.seats).toHaveLength(3);
    expect(await ann.client.joinRoom(room.code)).toMatchObject({ ok: false, error: { code: ErrorCode.AlreadySeated } });
  });

  it("a kicked player is told why and cannot rejoin", async () => {
    server = await startTestServer();
    const host = await server.connect("Host");
    const ann = await server.connect("Ann");
    const room = data(await host.client.createRoom("trails", { maxPlayers: 4, visibility: "public" }));
    data(await ann.client.joinRoom(room.code));
    const kicked = nextEvent(ann.client, "room:kicked");
    data(await host.client.kick(ann.id));
    expect(await kicked).toEqual({ roomId: room.id, reason: "The host removed you from the room." });
    expect(await ann.client.joinRoom(room.code)).toMatchObject({ ok: false, error: { code: ErrorCode.Kicked } });
  });

  it("never seats more players than the room holds when joins race for the last seat", async () => {
    server = await startTestServer();
    const host = await server.connect("Host");
    const room = data(await host.client.createRoom("trails", { maxPlayers: 3, visibility: "public" }));
    const racers = await Promise.all(Array.from({ length: 8 }, (_, i) => server.connect(`Racer ${i}`)));
    const results = await Promise.all(racers.map((r) => r.client.joinRoom(room.code)));
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(Array(6).fill(ErrorCode.RoomFull));
    expect((await server.store.getRoom(room.id))?.seats).toHaveLength(3);
  });

  it("pushes the room browser live: created, filled, started, closed", async () => {
    server = await startTestServer({ countdownMs: 30 });
    const viewer = await server.connect("Viewer");
    const host = await server.connect("Host");
    const ann = await server.connect("Ann");
    expect(data(await viewer.client.subscribeRooms())).toEqual({ rooms: [], total: 0 });

    const created = nextEvent(viewer.client, "rooms:upsert");
    const room = data(await host.client.createRoom("connect-four", { maxPlayers: 2, visibility: "public" }));
    expect(await created).toMatchObject({
      code: room.code,
      hostName: "Host",
      players: 1,
      maxPlayers: 2,
      phase: "waiting",
    });

    const filled = nextEvent(viewer.client, "rooms:upsert", (r) => r.players === 2);
    data(await ann.client.joinRoom(room.code));
    await filled;

    const started = nextEvent(viewer.client, "rooms:upsert", (r) => r.phase === "playing");
    data(await host.client.setReady(true));
    data(await ann.client.setReady(true));
    data(await host.client.startGame());
    await started;

    const closed = nextEvent(viewer.client, "rooms:remove");
    data(await host.client.leaveRoom());
    data(await ann.client.leaveRoom());
    expect(await closed).toEqual({ roomId: room.id });
  });

  it("lets a spectator watch every move without acting, and counts them", async () => {
    server = await startTestServer({ countdownMs: 20 });
    const ann = await server.connect("Ann");
    const bob = await server.connect("Bob");
    const fan = await server.connect("Fan");
    const playing = nextEvent(ann.client, "room:state", (r) => r.phase === "playing");
    data(await ann.client.quickMatch("connect-four"));
    data(await bob.client.quickMatch("connect-four"));
    const room = await playing;

    const counted = nextEvent(ann.client, "room:state", (r) => r.spectatorCount === 1);
    const watched = data(await fan.client.watchRoom(room.code));
    expect(watched.phase).toBe("playing");
    await counted;
    const seen = nextEvent(
      fan.client,
      "room:state",
      (r: RoomView) => r.game?.mode === "connect-four" && r.game.moves === 1,
    );
    data(await ann.client.move({ mode: "connect-four", column: 2 }));
    await seen;
    expect(await fan.client.move({ mode: "connect-four", column: 2 })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.Spectator },
    });
    expect(await fan.client.sendChat("room", "gg")).toMatchObject({ ok: false, error: { code: ErrorCode.Spectator } });
  });

  it("shows each seated player's round trip to the room", async () => {
    server = await startTestServer({ presenceIntervalMs: 30 });
    const host = await server.connect("Host", { pingIntervalMs: 20 });
    const room = data(await host.client.createRoom("trails", { maxPlayers: 4, visibility: "private" }));
    const latency = await nextEvent(host.client, "room:latency", (l) => host.id in l.rttMs);
    expect(latency.roomId).toBe(room.id);
    expect(latency.rttMs[host.id]).toBeGreaterThanOrEqual(0);
  });

  it("limits each player's chat rate with RATE_LIMITED", async () => {
    server = await startTestServer({ chatBurst: 2, chatRefillMs: 60_000 });
    const ann = await server.connect("Ann");
    data(await ann.client.sendChat("lobby", "one"));
    data(await ann.client.sendChat("lobby", "two"));
    expect(await ann.client.sendChat("lobby", "three")).toMatchObject({
      ok: false,
      error: { code: ErrorCode.RateLimited },
    });
    expect(await ann.client.sendChat("lobby", "x".repeat(501))).toMatchObject({
      ok: false,
      error: { code: ErrorCode.InvalidPayload },
    });
  });

  it("numbers the room's states one after another for every member, the state in a join's answer included", async () => {
    server = await startTestServer({ countdownMs: 50 });
    const host = await server.connect("Host");
    const ann = await server.connect("Ann");
    // On the wire, in arrival order: every room state a player gets, pushed or in an answer.
    const seqs = new Map<string, number[]>([
      ["Host", []],
      ["Ann", []],
    ]);
    for (const [name, p] of [
      ["Host", host],
      ["Ann", ann],
    ] as const) {
      p.client.socket.on("room:state", (view: RoomView) => seqs.get(name)?.push(view.seq));
    }
    const room = data(await host.client.createRoom("connect-four", { maxPlayers: 2, visibility: "private" }));
    seqs.get("Host")?.push(room.seq);
    seqs.get("Ann")?.push(data(await ann.client.joinRoom(room.code)).seq);
    const playing = nextEvent(ann.client, "room:state", (r) => r.phase === "playing");
    for (const p of [host, ann]) data(await p.client.setReady(true));
    data(await host.client.startGame());
    let view = await playing;
    for (let turn = 0; turn < 3; turn++) {
      const mover = view.seats[view.game?.mode === "connect-four" ? (view.game.turn ?? 0) : 0]?.player.name;
      const next = nextEvent(ann.client, "room:state", (r) => r.version > view.version);
      data(await (mover === "Host" ? host : ann).client.move({ mode: "connect-four", column: turn }));
      view = await next;
    }
    await expect.poll(() => seqs.get("Host")?.at(-1)).toBe(view.seq);
    const consecutive = (list: number[]) => list.every((seq, i) => i === 0 || seq === list[i - 1]! + 1);
    for (const [name, list] of seqs) {
      expect(list.length, name).toBeGreaterThan(5);
      expect(consecutive(list), `${name}: ${list.join(" ")}`).toBe(true);
    }
    expect(seqs.get("Host")?.[0]).toBe(0);
    expect(seqs.get("Ann")?.at(-1)).toBe(view.seq);
  });
});
