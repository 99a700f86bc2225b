import { Client } from 'pg';
import type { Logger } from '../../../platform/logger';
import type { SubgraphName } from '../../../platform/subgraphs';
import { subscriptionsToCreate, type PlannedSubscription } from './subscription-plan';

/**
 * Creates, as the database owner, each subscription this agency needs that does not exist yet (one
 * per publisher, carrying each set it reads from it: subscription-plan.ts), waiting for its
 * publisher to have created the publications (the agencies start in any order).
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
    const { rows } = await owner.query<{ name: string; publications: string[] }>(
      `SELECT subname AS name, subpublications AS publications FROM pg_subscription
        WHERE subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    const existing = new Map(rows.map((row) => [row.name, row.publications]));
    for (const planned of subscriptionsToCreate(options.subscriber, existing)) await ensureSubscription(owner, planned, options);
  } finally {
    await owner.end();
  }
}

async function ensureSubscription(
  owner: Client,
  planned: PlannedSubscription,
  options: { subscriber: SubgraphName; feedUrls: Partial<Record<SubgraphName, string>>; logger: Logger; retryMs?: number; stopped?: () => boolean },
): Promise<void> {
  {
    const { name, publisher } = planned;
    const publications = planned.sets.map((set) => set.schema);
    if (await subscriptionExists(owner, name)) return;
    const feedUrl = options.feedUrls[publisher];
    if (!feedUrl) {
      options.logger.warn({ sets: publications, publisher }, 'no feed connection configured: the subscription must be created by hand');
      return;
    }
    for (let attempt = 1; ; attempt++) {
      if (options.stopped?.()) return;
      try {
        await createSlotWhenPublished(feedUrl, publications, name);
        // A replica of this agency may have made it meanwhile.
        if (await subscriptionExists(owner, name)) break;
        // Publication names are our own constants (schema/published-sets.ts), never input.
        await owner.query(
          `CREATE SUBSCRIPTION ${name} CONNECTION ${literal(feedUrl)} PUBLICATION ${publications.join(', ')} WITH (create_slot = false, slot_name = '${name}')`,
        );
        options.logger.info({ subscription: name, publisher, sets: publications }, 'subscribed to published sets');
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

/** Connects to the publisher as its feed role; fails until every publication exists. */
async function createSlotWhenPublished(feedUrl: string, publications: string[], slot: string): Promise<void> {
  const publisher = new Client({ connectionString: feedUrl, connectionTimeoutMillis: 5000 });
  await publisher.connect();
  try {
    const published = await publisher.query('SELECT 1 FROM pg_publication WHERE pubname = ANY ($1)', [publications]);
    if (published.rowCount !== publications.length) throw new Error(`publications ${publications.join(', ')} do not all exist yet`);
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
