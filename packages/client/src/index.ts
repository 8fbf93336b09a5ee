export * from "./lobby-client";
