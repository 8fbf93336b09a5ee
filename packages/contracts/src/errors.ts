/**
 * Stable error codes. A client may branch on these; the accompanying
 * message is for humans and may change.
 */
export const ErrorCode = {
  /** The payload did not match the event's contract schema. */
  InvalidPayload: "INVALID_PAYLOAD",
  /** The event name is not part of the contract. */
  UnknownEvent: "UNKNOWN_EVENT",
  /** The handshake name is missing, empty, too long or has control characters. */
  InvalidName: "INVALID_NAME",
  /** The requested game mode does not exist. */
  UnknownMode: "UNKNOWN_MODE",
  /** The player is already waiting in a queue. */
  AlreadyQueued: "ALREADY_QUEUED",
  /** The player already has a seat in a match room. */
  AlreadySeated: "ALREADY_SEATED",
  /** The player is not waiting in any queue. */
  NotQueued: "NOT_QUEUED",
  /** The player has no seat in a match room. */
  NotInRoom: "NOT_IN_ROOM",
  /** The room has no game in progress. */
  GameNotRunning: "GAME_NOT_RUNNING",
  /** The move was sent by a player whose turn it is not. */
  NotYourTurn: "NOT_YOUR_TURN",
  /** The move breaks the game's rules. */
  IllegalMove: "ILLEGAL_MOVE",
  /** The move is for a different game than the one being played. */
  WrongGame: "WRONG_GAME",
  /** A rematch needs the game to be over and every seat still present. */
  RematchUnavailable: "REMATCH_UNAVAILABLE",
  /** Something failed on the server; details are in the server log only. */
  Internal: "INTERNAL",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const errorCodes = Object.values(ErrorCode) as readonly ErrorCode[];
