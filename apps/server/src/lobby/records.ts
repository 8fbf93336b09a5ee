import type {
  ChatMessage,
  HistoryEntry,
  MatchResult,
  ModeId,
  PublicRating,
  RoomKind,
  RoomPhase,
  SeatStatus,
  Visibility,
} from "@lobby/contracts";

/** Where a player is. A player is in at most one queue or room at a time. */
export type PlayerLocation =
  | { kind: "idle" }
  | {
      kind: "queued";
      mode: ModeId;
      joinedAt: number;
      rating?: PublicRating;
      /** Queued with this party: its leader's queue entry holds every member. */
      party?: string;
    }
  | { kind: "seated"; roomId: string }
  | { kind: "watching"; roomId: string };

/**
 * A player's session. It outlives a dropped connection for the reconnect
 * grace period (`awayUntil`), so a reload or a network blip keeps the
 * player's queue place and seat.
 */
export interface PlayerRecord {
  id: string;
  name: string;
  connectedAt: number;
  location: PlayerLocation;
  /** The connection currently speaking for this player, or null while away. */
  connectionId: string | null;
  /** The server process holding that connection (`nodeId`), or null while away. */
  node: string | null;
  /** While away: when the session ends unless the player comes back. */
  awayUntil: number | null;
  /**
   * Bumped by every connection that speaks for the session; only a token of
   * this generation or the one before resumes it (see `claimHolds`).
   */
  tokenGeneration: number;
  /** The client address the session last connected from, as a keyed hash; "" when unknown. */
  address: string;
  /** The device identity the session belongs to (see `IdentityRecord`). */
  identityId: string;
  /** The party the player is in (its code), if any. */
  partyId?: string;
}

/**
 * A device's lasting identity: it outlives sessions (a closed tab, a closed
 * browser), so the player is known again when they come back, and it is
 * where what a player keeps across sessions hangs.
 */
export interface IdentityRecord {
  id: string;
  /**
   * Bumped by every connection of one of its sessions; only a token of this
   * generation or the one before stands for it (see `claimHolds`).
   */
  generation: number;
  /** Its latest sessions, oldest first (at most `IDENTITY_SESSIONS`): where a closed tab's game is found. */
  sessions: string[];
  /** When the identity ends unless one of its sessions connects again (then it is extended). */
  expiresAt: number;
  /** Until when it may not quick match: it left a rated match during its countdown. */
  cooldownUntil?: number;
}

/** A player waiting in a quick-match queue, or a party: then `playerId` is its leader's. */
export interface QueueEntry {
  playerId: string;
  joinedAt: number;
  /** The player's rating in the queue's mode as they joined (a party's: its members' mean): what quick match matches on. */
  rating: number;
  /** A party's entry: its party, and every member (the leader first), seated together. */
  party?: { id: string; members: string[] };
}

export interface SeatRecord {
  playerId: string;
  name: string;
  status: SeatStatus;
  ready: boolean;
  graceEndsAt: number | null;
  wantsRematch: boolean;
  joinedAt: number;
  /** The player's device identity, whose rating and history the room's results go to; "" when unknown. */
  identityId: string;
  /** The player's rating in the room's mode: as of seating, then as each rated result left it. */
  rating: PublicRating | null;
  /** How much the latest rated result moved it; null before one, and once the next game starts. */
  ratingDelta: number | null;
  /** Team games: the seat's team in the current or last game. */
  team?: number;
  /** The party the player was in when seated (its code): party members play on one team. */
  party?: string;
  /** Games this player won in this room since the score last started (see `RoomScore`); absent for none. */
  wins?: number;
}

/**
 * The room's running score, over the games its players played together.
 * Each player's wins sit on their seat and go with them when they leave; a
 * newcomer taking a seat starts the score afresh for everyone, as the wins
 * so far were against other people. A draw scores nobody.
 */
export interface RoomScore {
  /** Games finished since the score started. */
  games: number;
  draws: number;
  /**
   * Team games: wins per team. The teams stay as they were for every play
   * again while the line-up does (so "Warm 2 – 1 Cool" means something);
   * when they have to be drawn again, their tally starts again.
   */
  teamWins?: number[];
}

export interface SpectatorRecord {
  playerId: string;
  name: string;
}

export interface RoomRecord {
  id: string;
  code: string;
  kind: RoomKind;
  mode: ModeId;
  visibility: Visibility;
  maxPlayers: number;
  hostId: string | null;
  /** Whether its results change ratings. */
  rated: boolean;
  phase: RoomPhase;
  version: number;
  /**
   * How many times the room was saved: +1 per save, and every save reaches
   * every member (pushed, or in the answer to the one who asked), so a client
   * sees consecutive numbers and can put states that crossed on the way from
   * two nodes back in commit order. Absent in a room not yet saved.
   */
  seq?: number;
  /** 0 before the first game. */
  round: number;
  createdAt: number;
  countdownEndsAt: number | null;
  /** A real-time game in play: when its next tick is due (null otherwise). */
  tickAt: number | null;
  seats: SeatRecord[];
  spectators: SpectatorRecord[];
  /** Players the host removed; they may neither rejoin nor watch. */
  kicked: string[];
  /**
   * The addresses (keyed hashes) those players came from, and when: a
   * session started from there after the kick is kept out too (a kicked
   * player who comes back as someone new), while players who were already
   * there — a household, a LAN party — are not.
   */
  kickedAddresses: { address: string; at: number }[];
  /** The game's own state (plain JSON, owned by the game definition), or null before the first start. */
  game: unknown;
  result: MatchResult | null;
  /** The running score (see `RoomScore`); absent before the first result, and after a newcomer reset it. */
  score?: RoomScore;
  /** The latest room chat messages, oldest first. */
  chat: ChatMessage[];
}

/** An identity's rating in one mode (OpenSkill's mu and sigma) and the games behind it. */
export interface RatingRecord {
  identityId: string;
  mode: ModeId;
  /** The name the player last played a rated game under: what the leaderboard shows. */
  name: string;
  mu: number;
  sigma: number;
  /** The rating as shown (see `publicRating`): what the leaderboard ranks by. */
  value: number;
  games: number;
  wins: number;
  losses: number;
  draws: number;
}

export interface PartyMemberRecord {
  playerId: string;
  name: string;
  joinedAt: number;
}

/**
 * Friends who queue together. Its id is also its invite code. It lives as
 * long as one member does: the last to leave (or whose session ends) ends it.
 */
export interface PartyRecord {
  id: string;
  leaderId: string;
  /** In the order they joined; the leader among them. */
  members: PartyMemberRecord[];
  createdAt: number;
  version: number;
  /** While the party waits in quick match: the mode, when it joined, and its queue entry's player id (the leader's). */
  queued: { mode: ModeId; joinedAt: number; entry: string } | null;
  /** The latest party chat messages, oldest first. */
  chat: ChatMessage[];
}

/** One finished game on an identity's record, and which game it was (`<room id>#<round>`). */
export type HistoryRecord = HistoryEntry & { game: string };
