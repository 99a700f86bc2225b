import { Gauge, type Registry } from 'prom-client';
import type { Health } from '../../../platform/graphql-http';
import type { SubgraphName } from '../../../platform/subgraphs';
import { feedStatus, type FeedStatus } from './feed-status';
import type { RunSql } from './maintenance-connection';

/**
 * Replication is part of the subgraph's health. Not ready (503) while a subscription it needs is
 * missing or disabled: a broken configuration. Ready but degraded while a publisher is down or its
 * heartbeat older than `staleSeconds`: reads and writes go on against a copy that may be stale.
 */
export function subgraphHealth(run: RunSql, subscriber: SubgraphName, staleSeconds: number): () => Promise<Health> {
  return async () => {
    await run('SELECT 1');
    const feeds = await feedStatus(run, subscriber);
    const broken = feeds.some((feed) => !feed.subscribed);
    const lagging = feeds.some((feed) => !feed.streaming || feed.lagSeconds === null || feed.lagSeconds > staleSeconds);
    return {
      ready: !broken,
      status: broken ? 'unavailable' : lagging ? 'degraded' : 'ok',
      feeds: Object.fromEntries(feeds.map(({ set, ...state }) => [set, state])),
    };
  };
}

/** Each subscription's lag and state in /metrics, read when Prometheus scrapes. */
export function registerFeedMetrics(registry: Registry, run: RunSql, subscriber: SubgraphName): void {
  // Both gauges are filled from one reading per scrape.
  let reading: { at: number; feeds: Promise<FeedStatus[]> } | null = null;
  const read = () => {
    if (!reading || Date.now() - reading.at > 1000) reading = { at: Date.now(), feeds: feedStatus(run, subscriber).catch(() => []) };
    return reading.feeds;
  };
  const gauge = (name: string, help: string, value: (feed: FeedStatus) => number | null) => {
    const metric: Gauge<'set' | 'publisher'> = new Gauge({
      name,
      help,
      labelNames: ['set', 'publisher'] as const,
      registers: [registry],
      collect: async () => {
        metric.reset();
        for (const feed of await read()) {
          const measured = value(feed);
          if (measured !== null) metric.set({ set: feed.set, publisher: feed.publisher }, measured);
        }
      },
    });
  };
  gauge('feed_lag_seconds', 'Seconds since the publisher’s last heartbeat reached this copy of a published set.', (feed) => feed.lagSeconds);
  gauge('feed_streaming', '1 while the subscription to a published set is connected to its publisher.', (feed) => (feed.streaming ? 1 : 0));
}
