export * from "./lobby-client";
export * from "./types";
