import { Client } from 'pg';
import type { Logger } from '../../../platform/logger';
import type { SubgraphName } from '../../../platform/subgraphs';
import { subscriptionsOf, type PublishedSet } from '../../../schema/published-sets';
import { subscriptionName } from './subscription-names';

/**
 * Creates, as the database owner, each subscription this agency needs that does not exist yet,
 * waiting for its publisher to have created the publication (the agencies start in any order).
 * The slot is created first on the publisher and the subscription made with
 * `create_slot = false`: with both databases on one server, letting CREATE SUBSCRIPTION create the
 * slot waits forever on its own transaction.
 */
export async function ensureSubscriptions(options: {
  /** The subscriber's database as its owner (who may create subscriptions). */
  ownerUrl: string;
  subscriber: SubgraphName;
  feedUrls: Partial<Record<SubgraphName, string>>;
  logger: Logger;
  retryMs?: number;
  stopped?: () => boolean;
}): Promise<void> {
  const owner = new Client({ connectionString: options.ownerUrl, application_name: `${options.subscriber}:subscriptions` });
  await owner.connect();
  try {
    for (const set of subscriptionsOf(options.subscriber)) await ensureSubscription(owner, set, options);
  } finally {
    await owner.end();
  }
}

async function ensureSubscription(
  owner: Client,
  set: PublishedSet,
  options: { subscriber: SubgraphName; feedUrls: Partial<Record<SubgraphName, string>>; logger: Logger; retryMs?: number; stopped?: () => boolean },
): Promise<void> {
  {
    const name = subscriptionName(options.subscriber, set);
    if (await subscriptionExists(owner, name)) return;
    const feedUrl = options.feedUrls[set.publisher];
    if (!feedUrl) {
      options.logger.warn({ set: set.schema, publisher: set.publisher }, 'no feed connection configured: the subscription must be created by hand');
      return;
    }
    for (let attempt = 1; ; attempt++) {
      if (options.stopped?.()) return;
      try {
        await createSlotWhenPublished(feedUrl, set, name);
        // A replica of this agency may have made it meanwhile.
        if (await subscriptionExists(owner, name)) break;
        await owner.query(
          `CREATE SUBSCRIPTION ${name} CONNECTION ${literal(feedUrl)} PUBLICATION ${set.schema} WITH (create_slot = false, slot_name = '${name}')`,
        );
        options.logger.info({ subscription: name, publisher: set.publisher }, 'subscribed to a published set');
        break;
      } catch (err) {
        if (attempt % 10 === 1) options.logger.info({ subscription: name, reason: errorMessage(err) }, 'waiting for the publisher of a set');
        await new Promise((done) => setTimeout(done, options.retryMs ?? 1000));
      }
    }
  }
}

async function subscriptionExists(owner: Client, name: string): Promise<boolean> {
  const { rowCount } = await owner.query(
    `SELECT 1 FROM pg_subscription WHERE subname = $1 AND subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    [name],
  );
  return Boolean(rowCount);
}

/** Connects to the publisher as its feed role; fails until the publication exists. */
async function createSlotWhenPublished(feedUrl: string, set: PublishedSet, slot: string): Promise<void> {
  const publisher = new Client({ connectionString: feedUrl, connectionTimeoutMillis: 5000 });
  await publisher.connect();
  try {
    const published = await publisher.query('SELECT 1 FROM pg_publication WHERE pubname = $1', [set.schema]);
    if (!published.rowCount) throw new Error(`publication ${set.schema} does not exist yet`);
    const slots = await publisher.query('SELECT 1 FROM pg_replication_slots WHERE slot_name = $1', [slot]);
    if (!slots.rowCount) await publisher.query(`SELECT pg_create_logical_replication_slot($1, 'pgoutput')`, [slot]);
  } finally {
    await publisher.end();
  }
}

/** A SQL string literal (CREATE SUBSCRIPTION takes no parameters). */
function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
