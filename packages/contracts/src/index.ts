export * from "./ack";
export * from "./chat";
export * from "./errors";
export * from "./events";
export * from "./games";
export * from "./modes";
export * from "./player";
export * from "./room";
