import { LobbyError } from "../../src/lobby/lobby-error";

/** The code of the LobbyError a core call is refused with; fails if it succeeds. */
export async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LobbyError) return error.code;
    throw error;
  }
  throw new Error("expected a refusal");
}

/** The data of a successful SDK result; throws with the error code otherwise. */
export function data<T>(result: { ok: true; data: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}
