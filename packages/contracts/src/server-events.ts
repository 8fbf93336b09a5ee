import { z } from "zod";
import { ChatMessage, ChatScope } from "./chat";
import { LobbyStats, QueueStatus, Session } from "./events";
import { PartyCode, PartyLeftReason, PartyView } from "./party";
import { RoomDelta, RoomId, RoomSummary, RoomView } from "./room";

/*
 * Server → client: every event the server emits on `/lobby`, with its
 * payload's schema and what it means (the protocol document is generated
 * from these).
 */

interface ServerEventContract {
  payload: z.ZodType;
  summary: string;
}

/** Every event the server emits on `/lobby`. */
export const serverEvents = {
  "session:ready": {
    payload: Session,
    summary:
      "Sent after every accepted handshake: who you are, which modes exist, and the session token. After a resume, your `queue:status` and `room:state` follow at once.",
  },
  "session:closed": {
    payload: z.object({
      reason: z.enum(["replaced", "abuse", "shutdown", "kicked", "banned"]),
      message: z.string(),
    }),
    summary:
      "The server is closing this connection: `replaced` (the same session connected from another tab — stop acting and do not reconnect), `abuse` (too many refused messages), `shutdown` (the server is stopping; reconnect), or `kicked` / `banned` (an admin ended the session; `message` says why — do not reconnect at once).",
  },
  "lobby:announcement": {
    payload: z.object({ text: z.string(), at: z.number() }),
    summary: "An operator's announcement to every connected player.",
  },
  "lobby:stats": {
    payload: LobbyStats,
    summary:
      "Players online and waiting per queue; pushed to players in the lobby (not in a room) when they change, and on arriving in the lobby.",
  },
  "queue:status": {
    payload: QueueStatus,
    summary:
      "Your queue state changed other than by the answer to your own `queue:join`/`queue:leave` and other than by a `room:state`: your party's leader started or stopped the search, or your state restored on resume. Matched into a room by someone else's arrival or a quick-match wait ending, you get that room's `room:state` (listing your seat) and no `queue:status`.",
  },
  "room:state": {
    payload: RoomView,
    summary:
      "The full state of your room; pushed to its members and spectators on every change. A state that lists your seat while you were searching means you were matched into it. `chat` holds the lobby's own room chat lines that came with the change (`@lobby/client` hands them to `chat:message` listeners).",
  },
  "room:delta": {
    payload: RoomDelta,
    summary:
      "Your room changed in nothing but its running game (a tick of a real-time game, a move), in a game that sends deltas (Trails): apply it to the room's state numbered `seq - 1` to get the state now. A client without that state asks for the room's whole state with `room:sync` (or waits for the next whole `room:state`, which comes at least every `ROOM_KEYFRAME_EVERY` (20) saves). `@lobby/client` applies deltas, asks when one cannot be applied, and hands `room:state` listeners whole states.",
  },
  "room:kicked": {
    payload: z.object({ roomId: RoomId, reason: z.string() }),
    summary:
      "You are no longer in the room: the host removed you, or the room you were watching closed. `reason` says which, in plain words.",
  },
  "room:latency": {
    payload: z.object({ roomId: RoomId, rttMs: z.record(z.string(), z.number()) }),
    summary:
      "Seated players' measured round trips (ms), pushed to the room every few seconds for the players whose figure changed noticeably or who are new to the room's roster. Merge it into what you have: a player missing from `rttMs` keeps their last figure.",
  },
  "rooms:upsert": {
    payload: RoomSummary,
    summary: "A listed room appeared or changed (to subscribers of the room browser).",
  },
  "rooms:remove": {
    payload: z.object({ roomId: RoomId }),
    summary: "A listed room closed, became private or finished its game (to subscribers of the room browser).",
  },
  "party:state": {
    payload: PartyView,
    summary:
      "The full state of your party; pushed to its members on every change (a member joined, left, came or went, the party started or stopped searching), and on resume.",
  },
  "party:left": {
    payload: z.object({ code: PartyCode, reason: PartyLeftReason }),
    summary:
      "You are no longer in the party: you left it (`left`), its leader removed you (`kicked`), or your session ended while you were away (`expired`).",
  },
  "chat:message": {
    payload: ChatMessage,
    summary: "A chat message in your room, your party or the lobby, from a player or from the lobby itself.",
  },
  "chat:history": {
    payload: z.object({ scope: ChatScope, roomId: RoomId.nullable(), messages: z.array(ChatMessage) }),
    summary:
      "Recent messages, sent when you enter the lobby, a party, or a room someone else seats you in (quick match), and on resume (`roomId`: the room, or the party's code). A room you come into by your own `room:create`, `room:join` or `room:watch` brings its recent chat in that answer (`RoomView.chat`) instead.",
  },
} as const satisfies Record<string, ServerEventContract>;

export type ServerEventName = keyof typeof serverEvents;
export type ServerPayload<E extends ServerEventName> = z.output<(typeof serverEvents)[E]["payload"]>;

/** Event map for `Server<ClientToServerEvents, ServerToClientEvents>` on the server. */
export type ServerToClientEvents = {
  [E in ServerEventName]: (payload: ServerPayload<E>) => void;
};
