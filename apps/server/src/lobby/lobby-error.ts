import type { ErrorCode } from "@lobby/contracts";

/** A refusal the client caused; its code and message go back in the ack. */
export class LobbyError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "LobbyError";
  }
}
