import { create } from "zustand";
import { initialAdminState, type AdminState } from "./admin-state";

/** The admin page's store, apart from the player app's. Written by admin-connection.ts, read through selectors. */
export const useAdminStore = create<AdminState>()(() => initialAdminState);

/** Apply a pure transition from admin-state.ts. */
export function updateAdmin(transition: (state: AdminState) => AdminState): void {
  useAdminStore.setState(transition, true);
}
