import { ErrorCode, type ChatMessage, type ChatScope } from "@lobby/contracts";
import type { Clock } from "../core/clock";
import { TokenBucket } from "../core/token-bucket";
import { channels } from "./channels";
import type { LobbyContext } from "./context";
import type { LobbySettings } from "./runtime";
import { LobbyError } from "./lobby-error";
import { sendPartyChat } from "./parties";

const LOBBY_CHAT_HISTORY = 50;

/**
 * Each player's chat budget, kept by this process. It is spent outside the
 * store transaction, so an operation that runs again (a Redis race) does
 * not spend it twice.
 */
export class ChatLimits {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly clock: Clock,
    private readonly settings: Pick<LobbySettings, "chatBurst" | "chatRefillMs">,
  ) {}

  /** Spend one message of the player's budget, or refuse with RATE_LIMITED. */
  take(playerId: string): void {
    let bucket = this.buckets.get(playerId);
    if (!bucket) {
      bucket = new TokenBucket(this.clock, this.settings.chatBurst, this.settings.chatRefillMs);
      this.buckets.set(playerId, bucket);
    }
    if (!bucket.take()) {
      throw new LobbyError(ErrorCode.RateLimited, "You're sending messages too fast — wait a moment.");
    }
  }

  /** A session ended: its budget goes with it. */
  forget(playerId: string): void {
    this.buckets.delete(playerId);
  }
}

/** Chat in the player's room, their party or the lobby (the budget is already spent). */
export async function sendChat(
  ctx: LobbyContext,
  playerId: string,
  scope: ChatScope,
  text: string,
): Promise<ChatMessage> {
  const player = await ctx.requirePlayer(playerId);
  if (scope === "party") return sendPartyChat(ctx, player, text);
  if (scope === "room") {
    const { room } = await ctx.requireSeat(playerId);
    const from = { id: player.id, name: player.name };
    const next = ctx.appendChat(room, { kind: "user", from, text });
    await ctx.postChat(next, player.id);
    return next.chat[next.chat.length - 1]!;
  }
  if (player.location.kind === "seated" || player.location.kind === "watching") {
    throw new LobbyError(ErrorCode.AlreadySeated, "Leave your room to chat in the lobby.");
  }
  const message: ChatMessage = {
    id: ctx.id(),
    scope: "lobby",
    roomId: null,
    kind: "user",
    from: { id: player.id, name: player.name },
    text,
    at: ctx.now(),
  };
  ctx.store.appendLobbyChat(message, LOBBY_CHAT_HISTORY);
  ctx.effects.toChannel(channels.lobby, "chat:message", message, player.id);
  return message;
}
