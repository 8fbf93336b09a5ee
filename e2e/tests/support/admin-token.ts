/** The e2e servers' `ADMIN_TOKEN` (the server wants 16 characters or more); only the journeys' own servers know it. */
export const E2E_ADMIN_TOKEN = "e2e-admin-token-for-the-journeys";
