import type { GameMove } from "@lobby/contracts";
import { roomDueAt, type LobbyContext } from "./context";
import { deadlineKey } from "./deadline-key";
import { applyMove, cancelCountdown, playerCountBlocker, requestRematch, startGame, tickGame } from "./match-room";
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

/**
 * A room's deadline came: the countdown ended, or a real-time game's tick is
 * due. Whichever process gets here first does it; the state says whether it
 * is still to be done, so a second arrival (another process's timer, or a
 * sweep for overdue work) does nothing.
 */
export async function roomDue(ctx: LobbyContext, roomId: string): Promise<void> {
  const room = await ctx.store.getRoom(roomId);
  if (!room) {
    ctx.deadline(deadlineKey.room(roomId), null);
    return;
  }
  const dueAt = roomDueAt(room);
  if (dueAt === null || dueAt > ctx.now()) {
    ctx.reconcileTimers(room);
    return;
  }
  if (room.phase === "countdown") {
    const game = ctx.game(room.mode);
    // Never a game below its minimum, or of uneven teams (players left during the countdown): back to waiting.
    if (playerCountBlocker(room.seats.length, game)) {
      await ctx.saveRoom(cancelCountdown(room));
      return;
    }
    const next = startGame(room, game, ctx.deps.random);
    ctx.report((metrics) => metrics.gameStarted(room.mode));
    await ctx.saveRoom(
      ctx.say(next, room.round === 0 ? "The game has started. Good luck!" : `Round ${next.round} — go!`),
    );
    return;
  }
  const game = ctx.game(room.mode);
  const ticked = tickGame(room, game);
  // Late ticks (a slow process, or a takeover after one died) do not pile up: the next is one interval away.
  await ctx.saveRoom(withResultNote(ctx, room, { ...ticked, tickAt: ctx.now() + (game.tickMs ?? 0) }));
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
