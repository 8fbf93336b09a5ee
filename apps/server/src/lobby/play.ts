import type { GameMove } from "@lobby/contracts";
import type { LobbyContext } from "./context";
import {
  applyMove,
  requestRematch,
  startGame,
  tickGame,
} from "./match-room";
import type { RoomRecord } from "./records";

/*
 * Running games: moves, ticks, the countdown's end, disconnects and
 * forfeits, and play-again.
 */

export async function move(ctx: LobbyContext, playerId: string, gameMove: GameMove): Promise<{ version: number }> {
  const { room } = await ctx.requireSeat(playerId);
  const next = withResultNote(ctx, room, applyMove(room, ctx.game(room.mode), playerId, gameMove));
  await ctx.saveRoom(next);
  return { version: next.version };
}

export async function rematch(ctx: LobbyContext, playerId: string): Promise<null> {
  const { room } = await ctx.requireSeat(playerId);
  const endsAt = ctx.now() + ctx.deps.settings.countdownMs;
  await ctx.saveRoom(requestRematch(room, ctx.game(room.mode), playerId, endsAt));
  return null;
}

export async function countdownEnded(ctx: LobbyContext, roomId: string): Promise<void> {
  const room = await ctx.store.getRoom(roomId);
  if (room?.phase !== "countdown" || room.countdownEndsAt === null) return;
  if (room.countdownEndsAt > ctx.now()) {
    ctx.reconcileTimers(room);
    return;
  }
  const next = startGame(room, ctx.game(room.mode), ctx.deps.random);
  await ctx.saveRoom(ctx.say(next, room.round === 0 ? "The game has started. Good luck!" : `Round ${next.round} — go!`));
}

export async function tick(ctx: LobbyContext, roomId: string): Promise<void> {
  const room = await ctx.store.getRoom(roomId);
  if (room?.phase !== "playing") return;
  await ctx.saveRoom(withResultNote(ctx, room, tickGame(room, ctx.game(room.mode))));
}

/** Add a system message with the result when `next` is the move that ended the game. */
export function withResultNote(ctx: LobbyContext, before: RoomRecord, next: RoomRecord): RoomRecord {
  if (before.phase !== "playing" || next.phase !== "finished" || !next.result) return next;
  const { result } = next;
  if (result.kind === "draw") return ctx.say(next, "The game ended in a draw.");
  const names = result.winners.map((seat) => next.seats[seat]?.name ?? "?");
  const how = result.reason === "forfeit" ? " by forfeit" : result.reason === "left" ? " — the others left" : "";
  return ctx.say(next, `${names.join(" and ")} ${names.length > 1 ? "win" : "wins"}${how}!`);
}
