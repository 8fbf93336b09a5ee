/** A name's length as the server counts it (`PlayerName`): UTF-16 units once normalised (NFC) and trimmed. */
export function nameLength(raw: string): number {
  return raw.normalize("NFC").trim().length;
}
