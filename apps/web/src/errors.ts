import { ErrorCode, PARTY_MAX_SIZE } from "@lobby/contracts";
import { ClientErrorCode, HandshakeError } from "@lobby/client";

export interface RequestError {
  code: string;
  message: string;
}

/*
 * Server messages for move refusals are already written for humans
 * ("Column 3 is full."), so they are shown as they are. Codes whose message
 * is technical, missing or about rooms (where the player needs to know what
 * to do next) get our own wording.
 */
const OWN_WORDING: Partial<Record<string, string>> = {
  [ErrorCode.RoomNotFound]: "No room has that code — check it, or the room may have closed.",
  [ErrorCode.RoomFull]: "That room is full — every seat is taken.",
  [ErrorCode.RoomInPlay]: "That room's game has already started, so it can't be joined — you can watch it instead.",
  [ErrorCode.RoomNotWatchable]:
    "That private room hasn't started yet, so it can't be watched — ask to join it instead.",
  [ErrorCode.Kicked]: "The host removed you from that room, so you can't rejoin or watch it.",
  [ErrorCode.TooManyRooms]: "Too many rooms were created from your network just now. Try again in a minute.",
  [ErrorCode.TooManyGuesses]:
    "Too many wrong room codes were tried from your network. Wait a minute, then check the code.",
  [ErrorCode.TooManySessions]: "Too many players joined from your network just now. Try again in a minute.",
  [ErrorCode.TooManyConnections]: "Too many Lobby tabs are open on your network. Close one, then try again.",
  [ErrorCode.NotHost]: "Only the host can do that.",
  [ErrorCode.NotAllReady]: "Everyone has to be ready before the game can start.",
  [ErrorCode.WrongPlayerCount]: "The room doesn't have the right number of players for this game.",
  [ErrorCode.InvalidSettings]:
    "Those settings don't fit this game (the seats can't be fewer than the players already in the room).",
  [ErrorCode.NotInLobbyPhase]: "That's only possible before the game starts.",
  [ErrorCode.PlayerNotFound]: "That player isn't in the room any more.",
  [ErrorCode.Spectator]: "You're watching this game, so you can't play or chat in it.",
  [ErrorCode.RateLimited]: "You're sending messages too fast — wait a moment.",
  [ErrorCode.ServerBusy]: "The server is very busy right now. Please try again in a moment.",
  [ErrorCode.AlreadySeated]: "You're already in a room. Leave it first.",
  [ErrorCode.AlreadyQueued]: "You're already looking for a quick match. Cancel it first.",
  [ErrorCode.PartyNotFound]: "No party has that code — check it, or the party may have broken up.",
  [ErrorCode.PartyFull]: `That party is full — a party has at most ${PARTY_MAX_SIZE} players.`,
  [ErrorCode.AlreadyInParty]: "You're already in a party. Leave it first.",
  [ErrorCode.NotInParty]: "You're not in that party any more.",
  [ErrorCode.NotPartyLeader]: "Only your party's leader can do that — they start the search for everyone.",
  // The SDK has sent it again and again for half a minute: it may yet have been applied.
  [ClientErrorCode.Timeout]: "The server still hasn't confirmed that. Check what's on screen before you try again.",
  [ClientErrorCode.NotConnected]:
    "You're not connected right now. Wait for the connection to come back, then try again.",
  [ErrorCode.Internal]: "Something went wrong on the server. Please try again.",
  [ErrorCode.InvalidPayload]: "The server didn't understand that request. Please reload the page.",
  [ErrorCode.UnknownEvent]: "The server didn't understand that request. Please reload the page.",
};

/*
 * Codes whose server message names the specifics (which member is still
 * playing, how large a party the game takes): those words, then what to do.
 */
const SERVER_WORDS_THEN: Partial<Record<string, { then: string; fallback: string }>> = {
  [ErrorCode.PartyTooLarge]: {
    then: "Leave the party to play it on your own, or pick another game.",
    fallback: "Your party is too big for this game's quick match.",
  },
  [ErrorCode.PartyNotReady]: {
    then: "Search again once everyone is back in the lobby.",
    fallback: "Someone in your party is still in a game.",
  },
};

/** A refused request, in plain words for a toast. */
export function describeError(error: RequestError): string {
  const own = OWN_WORDING[error.code];
  if (own) return own;
  const message = error.message.trim();
  const words = SERVER_WORDS_THEN[error.code];
  if (words) return `${message || words.fallback} ${words.then}`;
  return message || "That didn't work. Please try again.";
}

/** Why the name screen could not connect, in plain words. */
export function describeHandshakeError(error: unknown): string {
  if (error instanceof HandshakeError) {
    if (error.code === ErrorCode.InvalidName) {
      return `That name can't be used: ${lowerFirst(error.message)}.`.replace(/\.\.$/, ".");
    }
    return describeError(error);
  }
  return "Couldn't connect to the server. Please try again.";
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
