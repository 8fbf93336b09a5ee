import { ErrorCode } from "@lobby/contracts";
import { ClientErrorCode, HandshakeError } from "@lobby/client";

export interface RequestError {
  code: string;
  message: string;
}

/*
 * Server messages for player-caused refusals are already written for humans
 * ("Column 3 is full."), so they are shown as they are. Only codes whose
 * message is technical or missing get our own wording.
 */
const OWN_WORDING: Partial<Record<string, string>> = {
  [ClientErrorCode.Timeout]: "The server didn't answer in time. Please try again.",
  [ClientErrorCode.NotConnected]:
    "You're not connected right now. Wait for the connection to come back, then try again.",
  [ErrorCode.Internal]: "Something went wrong on the server. Please try again.",
  [ErrorCode.InvalidPayload]: "The server didn't understand that request. Please reload the page.",
  [ErrorCode.UnknownEvent]: "The server didn't understand that request. Please reload the page.",
};

/** A refused request, in plain words for a toast. */
export function describeError(error: RequestError): string {
  const own = OWN_WORDING[error.code];
  if (own) return own;
  const message = error.message.trim();
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
