import type { Registry } from 'prom-client';
import type { Health } from '../../../platform/graphql-http';
import type { Logger } from '../../../platform/logger';
import type { SubgraphConfig } from '../config';
import { registerFeedMetrics, subgraphHealth } from './feed-health';
import { FEED_STALE_SECONDS } from './freshness';
import { maintenanceConnection } from './maintenance-connection';
import { startPublishing } from './publisher-beat';
import { ensureSubscriptions } from './subscriptions';

/**
 * The sharing feeds of one subgraph (schema/published-sets.ts): it subscribes to the sets it needs
 * (in the background, since the agencies start in any order; /health is not ready until then),
 * keeps the sets it publishes beating and fresh, and reports both in /health and /metrics.
 */
export function startFeeds(config: SubgraphConfig, logger: Logger, registry: Registry): { health: () => Promise<Health>; stop: () => Promise<void> } {
  let stopped = false;
  const maintenance = maintenanceConnection(config.databaseUrl, `${config.name}:feeds`);
  if (config.migrateOnStart && config.ownerDatabaseUrl) {
    void ensureSubscriptions({ ownerUrl: config.ownerDatabaseUrl, subscriber: config.name, feedUrls: config.feeds.urls, logger, stopped: () => stopped }).catch(
      (err: unknown) => logger.error({ err }, 'could not create the subscriptions'),
    );
  }
  const publishing = startPublishing({
    run: maintenance.run,
    publisher: config.name,
    heartbeatSeconds: config.feeds.heartbeatSeconds,
    refreshMinutes: config.feeds.refreshMinutes,
    logger,
  });
  registerFeedMetrics(registry, maintenance.run, config.name);
  return {
    health: subgraphHealth(maintenance.run, config.name, FEED_STALE_SECONDS),
    stop: async () => {
      stopped = true;
      publishing.stop();
      await maintenance.close();
    },
  };
}
