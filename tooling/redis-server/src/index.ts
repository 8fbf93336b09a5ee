export { findExecutable, isRunning, spawnOwned, terminate } from "./owned-process";
export { RedisServerNotFoundError, startRedis, type RedisServer, type StartRedisOptions } from "./redis-server";
