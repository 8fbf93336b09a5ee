import { MoveRefusalCode } from "@lobby/game-kit";

/**
 * Stable error codes. A client may branch on these; the accompanying
 * message is for humans and may change.
 */
export const ErrorCode = {
  InvalidPayload: "INVALID_PAYLOAD",
  UnknownEvent: "UNKNOWN_EVENT",
  InvalidName: "INVALID_NAME",
  InvalidToken: "INVALID_TOKEN",
  UnknownNamespace: "UNKNOWN_NAMESPACE",
  UnknownMode: "UNKNOWN_MODE",
  AlreadyQueued: "ALREADY_QUEUED",
  AlreadySeated: "ALREADY_SEATED",
  NotQueued: "NOT_QUEUED",
  NotInRoom: "NOT_IN_ROOM",
  GameNotRunning: "GAME_NOT_RUNNING",
  NotYourTurn: "NOT_YOUR_TURN",
  IllegalMove: "ILLEGAL_MOVE",
  WrongGame: "WRONG_GAME",
  RematchUnavailable: "REMATCH_UNAVAILABLE",
  RoomNotFound: "ROOM_NOT_FOUND",
  RoomFull: "ROOM_FULL",
  RoomInPlay: "ROOM_IN_PLAY",
  RoomNotWatchable: "ROOM_NOT_WATCHABLE",
  Kicked: "KICKED",
  NotHost: "NOT_HOST",
  NotAllReady: "NOT_ALL_READY",
  WrongPlayerCount: "WRONG_PLAYER_COUNT",
  InvalidSettings: "INVALID_SETTINGS",
  NotInLobbyPhase: "NOT_IN_LOBBY_PHASE",
  PlayerNotFound: "PLAYER_NOT_FOUND",
  Spectator: "SPECTATOR",
  RateLimited: "RATE_LIMITED",
  TooManyConnections: "TOO_MANY_CONNECTIONS",
  TooManySessions: "TOO_MANY_SESSIONS",
  TooManyRooms: "TOO_MANY_ROOMS",
  TooManyGuesses: "TOO_MANY_GUESSES",
  ServerBusy: "SERVER_BUSY",
  QueueCooldown: "QUEUE_COOLDOWN",
  PartyNotFound: "PARTY_NOT_FOUND",
  PartyFull: "PARTY_FULL",
  AlreadyInParty: "ALREADY_IN_PARTY",
  NotInParty: "NOT_IN_PARTY",
  NotPartyLeader: "NOT_PARTY_LEADER",
  PartyTooLarge: "PARTY_TOO_LARGE",
  PartyNotReady: "PARTY_NOT_READY",
  Banned: "BANNED",
  Unauthorized: "UNAUTHORIZED",
  Internal: "INTERNAL",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The codes a game's rules refuse moves with: checked here to be lobby error codes. */
export const MOVE_REFUSAL_CODES: readonly ErrorCode[] = Object.values(MoveRefusalCode);

export const errorCodes = Object.values(ErrorCode) as readonly ErrorCode[];

/** What each code means; the protocol document is generated from this. */
export const errorCodeDocs: Record<ErrorCode, string> = {
  INVALID_PAYLOAD: "The payload did not match the event's contract schema (or the ack/payload count was wrong).",
  UNKNOWN_EVENT: "The event name is not part of the contract.",
  INVALID_NAME:
    "Handshake only (`connect_error` data): the name is missing, empty after trimming, over 24 characters, has no visible character, or has control characters, lone surrogates or a stack of more than three combining marks. Names are compared and stored in Unicode NFC.",
  INVALID_TOKEN:
    "Handshake only: `auth.token` is not shaped like a session token. (A well-shaped token that is expired, revoked or from an ended session is not refused: it starts a new session, and `session:ready` says `resumed: false`.) The SDK drops such a token and connects again without it.",
  UNKNOWN_NAMESPACE: "Handshake only: Lobby serves `/lobby` (and nothing on the root namespace `/`).",
  UNKNOWN_MODE: "The requested game mode does not exist on this server.",
  ALREADY_QUEUED: "The player is already waiting in a queue.",
  ALREADY_SEATED: "The player already has a seat in a match room.",
  NOT_QUEUED: "The player is not waiting in any queue.",
  NOT_IN_ROOM: "The player has no seat in a match room.",
  GAME_NOT_RUNNING: "The room's game is over; only rematch or leave are possible.",
  NOT_YOUR_TURN: "The move was sent by a player whose turn it is not.",
  ILLEGAL_MOVE: "The move breaks the game's rules (for example, a full column).",
  WRONG_GAME: "The move is tagged for a different game than the room plays.",
  REMATCH_UNAVAILABLE: "A rematch needs the game to be over and every seat still connected.",
  ROOM_NOT_FOUND: "No live room has that code (wrong, or the room has closed).",
  ROOM_FULL: "Every seat in the room is taken.",
  ROOM_IN_PLAY: "The room's game has already started; watch it instead.",
  ROOM_NOT_WATCHABLE:
    "A private room can be watched only once its game has started (a waiting private room's roster, chat and code stay among the invited).",
  KICKED:
    "The host removed you from this room; you cannot rejoin or watch it for as long as it exists, under this session or any new one from the same address.",
  NOT_HOST: "Only the room's host may do that.",
  NOT_ALL_READY: "The game can start only once every seated player is ready.",
  WRONG_PLAYER_COUNT: "The number of seated players is outside the mode's limits.",
  INVALID_SETTINGS: "The room settings are outside the mode's limits (for example, fewer seats than players).",
  NOT_IN_LOBBY_PHASE: "That is possible only before the game starts.",
  PLAYER_NOT_FOUND: "That player is not seated in your room.",
  SPECTATOR: "Spectators can watch but not act.",
  RATE_LIMITED:
    "Too many messages of this kind from this connection, this player, or (lobby chat, `LOBBY_CHAT_PER_MINUTE`) this address; wait a moment. Persistent flooding closes the connection. In the handshake: this address has been refused too often lately (over all its connections), and is shut out for 5 s.",
  TOO_MANY_CONNECTIONS:
    "Handshake only: this address already holds `MAX_CONNECTIONS_PER_ADDRESS` open connections (on this node). Refused handshakes never count.",
  TOO_MANY_SESSIONS:
    "Handshake only: this address started `NEW_SESSIONS_PER_MINUTE` new sessions within the last minute (across the cluster). Resuming a session with its token is never refused for this.",
  TOO_MANY_ROOMS: "This address created `ROOMS_PER_MINUTE` rooms within the last minute (across the cluster).",
  TOO_MANY_GUESSES:
    "This address tried `CODE_MISSES_PER_MINUTE` room or party codes that lead nowhere within the last minute (across the cluster); codes that work do not count.",
  SERVER_BUSY:
    "The node is behind on its work (an operation it took `BUSY_QUEUE_MS` ago is not done: waiting its turn, or stuck on a stalled store). It refuses new players in the handshake and most requests until it catches up; leaving, resuming a session and pings are never refused. Try again in a moment.",
  QUEUE_COOLDOWN:
    "This device's player left a rated match during its countdown, and may not quick match again for `DODGE_COOLDOWN_MS` (the message says how long is left), so dodging an opponent does not pay.",
  PARTY_NOT_FOUND: "No party has that code (wrong, or every member has left).",
  PARTY_FULL: "The party already has `PARTY_MAX_SIZE` (4) members.",
  ALREADY_IN_PARTY: "You are already in a party: leave it first.",
  NOT_IN_PARTY: "You are not in a party (or not in that one).",
  NOT_PARTY_LEADER: "Only the party's leader may do that (queue the party, remove a member).",
  PARTY_TOO_LARGE:
    "The party is larger than the mode's quick match takes (`maxPartySize`: one team in a team game, half a room otherwise; none in a one-against-one game).",
  BANNED:
    "Handshake only: an admin banned this address or this device's identity for a while (the message says until when).",
  UNAUTHORIZED:
    "Handshake only, on `/admin`: the token is missing or wrong (or this address tried too many wrong ones lately).",
  PARTY_NOT_READY: "A member of the party is still playing or watching a game; the party queues once everyone is free.",
  INTERNAL: "The server failed; details are in the server log only.",
};
