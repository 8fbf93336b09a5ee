import { describe, expect, expectTypeOf, it } from "vitest";
import {
  ChatText,
  ErrorCode,
  InviteCode,
  GameMovePayload,
  PlayerName,
  QueueJoinPayload,
  RoomView,
  ackResultSchema,
  clientEvents,
  type AckResult,
  type ClientToServerEvents,
  type GameMove,
  type ModeId,
  type QueueStatus,
  type RoomView as RoomViewType,
  type ServerToClientEvents,
} from "../src";

describe("event maps", () => {
  it("type client events as (payload, ack)", () => {
    expectTypeOf<Parameters<ClientToServerEvents["queue:join"]>[0]>().toEqualTypeOf<{ mode: ModeId }>();
    expectTypeOf<Parameters<ClientToServerEvents["game:move"]>[0]>().toEqualTypeOf<{ move: GameMove }>();
    expectTypeOf<Parameters<ClientToServerEvents["queue:join"]>[1]>().toEqualTypeOf<
      (result: AckResult<QueueStatus>) => void
    >();
    expectTypeOf<Parameters<ServerToClientEvents["room:state"]>[0]>().toEqualTypeOf<RoomViewType>();

    const emit = <E extends keyof ClientToServerEvents>(_event: E, ..._args: Parameters<ClientToServerEvents[E]>) =>
      undefined;
    emit("queue:join", { mode: "connect-four" }, () => undefined);
    // @ts-expect-error an unknown mode does not compile
    emit("queue:join", { mode: "chess" }, () => undefined);
    // @ts-expect-error a move needs its game's tag
    emit("game:move", { move: { column: 3 } }, () => undefined);
    // @ts-expect-error the ack is required
    emit("queue:leave", {});
    // @ts-expect-error unknown events do not compile
    emit("queue:destroy", {}, () => undefined);
  });

  it("type acks as a success/error union", () => {
    const handle = (result: AckResult<QueueStatus>) => (result.ok ? result.data.state : result.error.code);
    expectTypeOf(handle).returns.toEqualTypeOf<QueueStatus["state"] | ErrorCode>();
  });
});

describe("schemas", () => {
  it("normalise invite codes and refuse look-alike characters", () => {
    expect(InviteCode.parse(" abc234 ")).toBe("ABC234");
    for (const bad of ["ABC23", "ABC2345", "ABCD0E", "ABCDOE", "ABCD1E", "ABCDIE", "ABCDLE"]) {
      expect(InviteCode.safeParse(bad).success, bad).toBe(false);
    }
  });

  it("keep chat plain text of 1–500 characters", () => {
    expect(ChatText.parse("  hi <b>there</b>  ")).toBe("hi <b>there</b>");
    expect(ChatText.safeParse("x".repeat(500)).success).toBe(true);
    expect(ChatText.safeParse("x".repeat(501)).success).toBe(false);
    expect(ChatText.safeParse("   ").success).toBe(false);
    expect(ChatText.safeParse("line\nbreak").success).toBe(true);
    expect(ChatText.safeParse("bell\u0007").success).toBe(false);
  });

  it("trim names and refuse empty, long or control-character names", () => {
    expect(PlayerName.parse("  Ann  ")).toBe("Ann");
    expect(PlayerName.safeParse("").success).toBe(false);
    expect(PlayerName.safeParse("    ").success).toBe(false);
    expect(PlayerName.safeParse("x".repeat(25)).success).toBe(false);
    expect(PlayerName.safeParse("x".repeat(24)).success).toBe(true);
    expect(PlayerName.safeParse("a\nb").success).toBe(false);
    expect(PlayerName.safeParse("a\u202Eb").success).toBe(false);
    expect(PlayerName.safeParse("Zoë 🎲").success).toBe(true);
  });

  it("normalize names to NFC and refuse names with nothing visible, lone surrogates or stacked marks", () => {
    expect(PlayerName.parse("Zoe\u0308")).toBe("Zo\u00eb");
    for (const invisible of ["\u200b", "\u2060", "\u3164", "\u2800", "\u00ad", "\u200b\u3164 \u2800", "\u0301\u0301"]) {
      expect(PlayerName.safeParse(invisible).success, JSON.stringify(invisible)).toBe(false);
    }
    expect(PlayerName.safeParse("Ann\ud800").success).toBe(false);
    expect(PlayerName.safeParse("Zq\u0301\u0302\u0303\u0304algo").success).toBe(false);
    // Up to three marks on a letter is ordinary writing (Vietnamese, Thai, IPA).
    expect(PlayerName.safeParse("a\u0301\u0302\u0303").success).toBe(true);
    expect(PlayerName.parse("Ng\u01b0\u1eddi")).toBe("Ng\u01b0\u1eddi");
    expect(PlayerName.parse("\u200bAnn")).toBe("\u200bAnn");
  });

  it("refuse extra fields, wrong types and non-finite numbers in client payloads", () => {
    expect(QueueJoinPayload.safeParse({ mode: "connect-four", x: 1 }).success).toBe(false);
    expect(GameMovePayload.safeParse({ move: { mode: "connect-four", column: Number.NaN } }).success).toBe(false);
    expect(
      GameMovePayload.safeParse({ move: { mode: "connect-four", column: Number.POSITIVE_INFINITY } }).success,
    ).toBe(false);
    expect(GameMovePayload.safeParse({ move: { mode: "connect-four", column: 6 } }).success).toBe(true);
    expect(GameMovePayload.safeParse({ move: { mode: "connect-four", column: 7 } }).success).toBe(false);
  });

  it("describe every client event's ack", () => {
    for (const contract of Object.values(clientEvents)) {
      const schema = ackResultSchema(contract.result);
      expect(schema.safeParse({ ok: false, error: { code: ErrorCode.Internal, message: "x" } }).success).toBe(true);
      expect(schema.safeParse({ ok: false, error: { code: "MADE_UP", message: "x" } }).success).toBe(false);
    }
  });

  it("accept a well-formed room view", () => {
    const view: RoomViewType = {
      id: "r1",
      code: "ABC234",
      kind: "custom",
      mode: "connect-four",
      visibility: "private",
      maxPlayers: 2,
      hostId: "a",
      rated: false,
      phase: "playing",
      version: 0,
      seq: 0,
      round: 1,
      countdownEndsAt: null,
      seats: [
        {
          seat: 0,
          player: { id: "a", name: "Ann" },
          status: "connected",
          ready: true,
          graceEndsAt: null,
          wantsRematch: false,
          rating: { value: 1000, provisional: true },
          ratingDelta: null,
          team: null,
          party: null,
          wins: 0,
        },
      ],
      spectatorCount: 0,
      game: {
        mode: "connect-four",
        rows: 6,
        columns: 7,
        board: Array<null>(42).fill(null),
        turn: 0,
        moves: 0,
        lastMove: null,
        winLine: null,
      },
      result: null,
      score: null,
    };
    expect(RoomView.parse(view)).toEqual(view);
  });
});
