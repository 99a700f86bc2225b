import type { SubgraphName } from '../../../platform/subgraphs';
import { subscriptionsOf, type PublishedSet } from '../../../schema/published-sets';
import { subscriptionName } from './subscription-names';

/** A subscription to create: its name (also its slot's, on the publisher) and the sets it carries, all of one publisher. */
export interface PlannedSubscription {
  name: string;
  publisher: SubgraphName;
  sets: PublishedSet[];
}

/**
 * The subscriptions a subscriber still needs, given those its database holds (name → publications).
 * One subscription per publisher carries every set the subscriber reads from it: each
 * subscription is a WAL sender on the publisher's server, decoding all of its log, and an apply
 * worker here, both woken at every commit on that server (a read request commits twice per
 * subgraph call), so one per publisher rather than one per set saves that work for every set but
 * the first. It is named after its first missing set's subscription as named when each set had its
 * own (`<database>__<set>`). A set some subscription already carries is never subscribed again:
 * a deployment made with one subscription per set keeps them as they are (a second subscription to
 * a set would apply its changes twice; merging them safely is an operator's step, README "Feeds").
 */
export function subscriptionsToCreate(subscriber: SubgraphName, existing: ReadonlyMap<string, ReadonlyArray<string>>): PlannedSubscription[] {
  const carried = new Set([...existing.values()].flat());
  const byPublisher = new Map<SubgraphName, PublishedSet[]>();
  for (const set of subscriptionsOf(subscriber)) {
    if (!carried.has(set.schema)) byPublisher.set(set.publisher, [...(byPublisher.get(set.publisher) ?? []), set]);
  }
  return [...byPublisher].map(([publisher, sets]) => ({ name: subscriptionName(subscriber, sets[0]!), publisher, sets }));
}
