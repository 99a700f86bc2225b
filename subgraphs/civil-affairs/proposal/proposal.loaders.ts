import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { findChildIdsByNationalIdHashes } from './proposal.repository';

/** The proposal DataLoaders of one request. */
export function createProposalLoaders(db: EntityManager) {
  return {
    /** The registered child holding a national ID (by its look-up hash), or null. */
    childIdByNationalIdHash: new DataLoader<string, string | null>(async (hashes) => {
      const found = new Map((await findChildIdsByNationalIdHashes(db, hashes)).map((row) => [row.hash, row.id]));
      return hashes.map((hash) => found.get(hash) ?? null);
    }),
  };
}
