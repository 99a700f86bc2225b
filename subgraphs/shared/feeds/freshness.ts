/**
 * A subscribed copy whose publisher's heartbeat is older than this is stale: /health says
 * "degraded", and rules that must fail closed (partner grants) stop trusting it.
 */
export const FEED_STALE_SECONDS = 60;
