import type { ModeInfo, Visibility } from "@lobby/contracts";

/*
 * The create-room form's fields turned into what room:create sends, or the
 * reason they cannot be.
 */

/** What the form holds, as typed and ticked. */
export interface CreateRoomForm {
  seats: string;
  isPrivate: boolean;
  rated: boolean;
}

/** What room:create sends besides the mode. */
export interface RoomSettings {
  maxPlayers: number;
  visibility: Visibility;
  rated: boolean;
}

type Limits = Pick<ModeInfo, "minPlayers" | "maxPlayers">;

/** Parse the Seats field: a whole number within the mode's limits, or why not. */
export function parseSeats(raw: string, mode: Limits) {
  const value = Number(raw.trim());
  if (raw.trim() === "" || !Number.isInteger(value) || value < mode.minPlayers || value > mode.maxPlayers) {
    const error =
      mode.minPlayers === mode.maxPlayers
        ? `This game always has ${mode.minPlayers} seats.`
        : `Choose between ${mode.minPlayers} and ${mode.maxPlayers} seats.`;
    return { ok: false as const, error };
  }
  return { ok: true as const, value };
}

export function roomSettings(form: CreateRoomForm, mode: Limits) {
  const seats = parseSeats(form.seats, mode);
  if (!seats.ok) return seats;
  const settings: RoomSettings = {
    maxPlayers: seats.value,
    visibility: form.isPrivate ? "private" : "public",
    rated: form.rated,
  };
  return { ok: true as const, settings };
}
