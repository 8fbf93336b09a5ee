export { HAPROXY_CONFIG, HaproxyNotFoundError, startHaproxy, type Balancer, type HaproxyOptions } from "./haproxy";
export { SERVER_ENTRY, WEB_DIST, startCluster, type Cluster, type ClusterNode, type ClusterOptions } from "./cluster";
