export { createBalancer, type Balancer, type BalancerOptions } from "./balancer";
export { SERVER_ENTRY, WEB_DIST, startCluster, type Cluster, type ClusterNode, type ClusterOptions } from "./cluster";
