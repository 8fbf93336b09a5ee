import type { ComponentType, CSSProperties } from "react";

export { StatusLine, type StatusLineProps } from "./status-line";

/*
 * The web half of a game: what the web app renders for it. A game's folder
 * exports it from `src/web.tsx` as `web`; the web app finds the half of
 * every game the registry lists, and renders rooms, the roster, the lobby's
 * mode cards and results through it. Nothing here may import the web app.
 */

/** A seat as a game's view needs it. */
export interface SeatInfo {
  seat: number;
  /** The name as the room shows it: "Alex (2)" when another player in the room is called Alex too. */
  name: string;
  playerId: string;
  /** False while the player is away (reconnecting). */
  connected: boolean;
}

/** Where the room is: the web shows the countdown and the result itself. */
export type RoomPhase = "waiting" | "countdown" | "playing" | "finished";

/** What every part of a game's web half is told. */
export interface GameViewProps<View> {
  /** What this viewer may see of the game (a seat sees its own secrets, a spectator none). */
  view: View;
  /** The viewer's seat, or null for a spectator. */
  mySeat: number | null;
  seats: readonly SeatInfo[];
  phase: RoomPhase;
  /** 1 for the first game of the room, +1 for every rematch. */
  round: number;
}

export interface BoardProps<Move, View> extends GameViewProps<View> {
  /**
   * Send a move. A refusal is shown to the player by the web app, except a
   * move out of turn: a board offers none (its controls are disabled, and it
   * says whom it waits for).
   */
  onMove: (move: Move) => void;
}

/** How a finished game is put into words (the web app adds names, forfeits and who left). */
export interface ResultWords {
  /** To the winner: "Four in a row. Nicely played!" */
  mine: string;
  /** After the winners' names: "with four in a row." */
  theirs: string;
  /** A draw: "The board is full and nobody connected four." */
  draw: string;
  /** When the headline already names the winner: "Four in a row." */
  how: string;
  /** Two-seat games say "You lose"; larger ones name the winner instead. */
  twoSeat: boolean;
}

export interface GameWeb<Move, View> {
  /** The board: the game itself, playable by the viewer's seat. */
  readonly Board: ComponentType<BoardProps<Move, View>>;
  /** The status line while the game runs (whose turn, what is at stake); the web app's own when absent. */
  readonly Status?: ComponentType<GameViewProps<View>>;
  /** The picture on the game's card in the lobby (decorative). */
  readonly Art: ComponentType;
  /** The board wants the window's width (an arena that grows with the screen): its room page widens past the usual column. */
  readonly wide?: boolean;
  readonly words: ResultWords;
  /** The seat whose turn it is, for turn-based games; null when nobody's. */
  turn?(view: View): number | null;
  /**
   * A seat's colour wherever the web app shows the seat (the roster); undefined for the default colours.
   * `team` is the seat's team in a team game once it started (null before, and in games without teams).
   */
  seatStyle?(seat: number, team: number | null): CSSProperties | undefined;
  /** A short note on a seat in the roster while a game is on ("Crashed · 12", "3 dice"), or null. `won`: the seat won. */
  seatNote?(view: View, seat: number, won: boolean): SeatNote | null;
  /** What a screen reader hears about a seat besides its name ("Red discs.", "Warm team."); `team` as for `seatStyle`. */
  seatLabel?(seat: number, team: number | null): string;
  /** Refusals of this game's moves that are routine and need no toast (a steer that lands after a crash). */
  readonly routineRefusals?: readonly string[];
}

/** A note on a seat: `out` marks a seat that is out of the round (its roster row dims). */
export interface SeatNote {
  text: string;
  tone: "ok" | "out";
}

/**
 * The CSS variables the web app's seat discs read (`--disc`, `--disc-deep`,
 * `--disc-fill`), from one colour: a `seatStyle` for games whose seats have
 * colours of their own.
 */
export function discColours(colour: string): CSSProperties {
  const deep = `color-mix(in srgb, ${colour} 65%, #000)`;
  return {
    "--disc": colour,
    "--disc-deep": deep,
    "--disc-fill": `radial-gradient(circle at 35% 30%, color-mix(in srgb, ${colour} 55%, #fff), ${colour} 48%, ${deep})`,
  } as CSSProperties;
}

/** Declare a game's web half (checks its types against the game's move and view). */
export function defineGameWeb<Move, View>(web: GameWeb<Move, View>): GameWeb<Move, View> {
  return web;
}
