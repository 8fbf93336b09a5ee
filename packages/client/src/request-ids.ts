/**
 * Ids for requests applied once (`RequestMeta`): a random prefix per client
 * and a counter, so ids never repeat within a player's session, across
 * reloads (a new client, a new prefix) included. `crypto.getRandomValues`
 * works in browsers on plain http too, unlike `randomUUID`.
 */
export class RequestIds {
  private readonly prefix = randomPrefix();
  private count = 0;

  next(): string {
    this.count++;
    return `${this.prefix}-${this.count.toString(36)}`;
  }
}

function randomPrefix(): string {
  const bytes = new Uint8Array(9);
  const crypto = (globalThis as { crypto?: { getRandomValues?: (array: Uint8Array) => Uint8Array } }).crypto;
  if (crypto?.getRandomValues) crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(36).padStart(2, "0")).join("");
}
