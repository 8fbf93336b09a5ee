/*
 * Every bot runs on this machine, so to the server they all come from
 * 127.0.0.1. A server started with `TRUST_PROXY=on` keys its per-address
 * limits on the `X-Forwarded-For` address instead (as behind a load
 * balancer), which lets the abuse scenario give each honest player an
 * address of its own and the attacker one. The addresses are loopback-range
 * labels only: nothing ever connects to them.
 */

/** The one address every attacker connection claims. */
export const ATTACKER_ADDRESS = "127.66.66.66";

/** Honest bot `index`'s address: 127.10.0.0 upwards, one per bot, never the attacker's (below about 3.6 million bots). */
export function honestAddress(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new Error(`honestAddress: bad bot index ${index}`);
  const second = 10 + Math.floor(index / 65_536);
  if (second > 65) throw new Error(`honestAddress: bot index ${index} is past the honest range`);
  return `127.${second}.${Math.floor(index / 256) % 256}.${index % 256}`;
}

/** Handshake headers (`createLobbyClient({ headers })`) that make a client claim `address`. */
export function forwardedForHeaders(address: string): Record<string, string> {
  return { "x-forwarded-for": address };
}
