import { subgraphInfo, type SubgraphName } from '../../../platform/subgraphs';
import type { PublishedSet } from '../../../schema/published-sets';

/**
 * A subscriber's subscription to a set, and its replication slot on the publisher, share one
 * name: unique on a server that holds several agencies' databases.
 */
export function subscriptionName(subscriber: SubgraphName, set: PublishedSet): string {
  return `${subgraphInfo(subscriber).database}__${set.schema}`;
}

/** The variable naming the publisher's feed connection, e.g. CIVIL_AFFAIRS_FEED_DATABASE_URL. */
export function feedUrlVariable(publisher: SubgraphName): string {
  return `${subgraphInfo(publisher).envPrefix}_FEED_DATABASE_URL`;
}
