import type { DataSource } from 'typeorm';
import { generateDemoWorld } from '../../demo/generator';
import { insertInBatches } from '../shared/batch-insert';
import { today } from '../shared/dates';
import type { DemoSeedOptions } from '../shared/subgraph-server';
import { ChildRow } from './child/child.entity';
import { GuardianshipRow } from './guardianship/guardianship.entity';
import type { NationalIdCipher } from './national-id-cipher';
import { ParentRow } from './parent/parent.entity';

const DEMO_CREATOR = 'demo-data';

/** Loads the registry's part of the demo world, once, into an empty database. */
export async function seedCivilAffairsDemo(db: DataSource, cipher: NationalIdCipher, options: DemoSeedOptions) {
  if ((await db.getRepository(ChildRow).count()) > 0) return 0;
  const world = generateDemoWorld({ ...options, referenceDate: today() });
  const children = world.children;
  await db.transaction(async (em) => {
    await insertInBatches(
      em,
      ChildRow,
      children.map((child) => ({
        id: child.id,
        name: child.name,
        gender: child.gender,
        birthDate: child.birthDate,
        ethnicity: child.ethnicity,
        nationalIdEncrypted: child.nationalId ? cipher.encrypt(child.nationalId) : null,
        nationalIdHash: child.nationalId ? cipher.lookupHash(child.nationalId) : null,
        householdRegionCode: child.householdRegionCode,
        householdVillage: child.householdVillage,
        residenceRegionCode: child.residenceRegionCode,
        residenceVillage: child.residenceVillage,
        status: 'ACTIVE' as const,
        statusReason: null,
        lastReviewedAt: null,
        version: 1,
        createdAt: new Date(),
        updatedAt: new Date(),
        createdBy: DEMO_CREATOR,
      })),
    );
    await insertInBatches(
      em,
      ParentRow,
      children.flatMap((child) => [
        { childId: child.id, role: 'FATHER' as const, ...child.father },
        { childId: child.id, role: 'MOTHER' as const, ...child.mother },
      ]),
    );
    await insertInBatches(
      em,
      GuardianshipRow,
      children.map((child) => ({ childId: child.id, ...child.guardianship, recordedBy: DEMO_CREATOR, recordedAt: new Date(), version: 1 })),
    );
  });
  return world.children.length;
}
