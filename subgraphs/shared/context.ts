import type { EntityManager } from 'typeorm';
import type { Principal } from '../../platform/principal';
import type { AccessRecorder } from './audit/access-recorder';
import type { CursorCodec } from './pagination';
import type { RequestTransaction } from './request-transaction';

/** What every resolver of a subgraph receives for one request. */
export interface SubgraphContext<Loaders> {
  principal: Principal;
  requestId: string;
  purpose: string | null;
  /** The request's transaction, bound by row-level security to the principal's rows. */
  db: EntityManager;
  transaction: RequestTransaction;
  /** What the request read and wrote, appended to the access log before it commits. */
  audit: AccessRecorder;
  /** Per-request DataLoaders: never shared between requests, so no data crosses principals. */
  loaders: Loaders;
  /** Seals and opens list cursors (opaque, bound to the principal). */
  cursors: CursorCodec;
}
