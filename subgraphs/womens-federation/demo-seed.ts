import type { DataSource } from 'typeorm';
import { generateDemoWorld } from '../../demo/generator';
import { insertInBatches } from '../shared/batch-insert';
import { today } from '../shared/dates';
import type { DemoSeedOptions } from '../shared/subgraph-server';
import { ActivityAttendanceRow, ActivityRow } from './activity/activity.entity';
import { ChildrensHomeRow } from './childrens-home/childrens-home.entity';
import { ConsentRow } from './consent/consent.entity';
import { PairingRow } from './pairing/pairing.entity';
import { ParentContactRow } from './parent-contact/parent-contact.entity';
import { PartnerRow } from './partner/partner.entity';
import { ProgrammeRow } from './programme/programme.entity';

const DEMO_CREATOR = 'demo-data';

/** Loads the women's federation's part of the demo world, once, into an empty database. */
export async function seedWomensFederationDemo(db: DataSource, options: DemoSeedOptions): Promise<number> {
  if ((await db.getRepository(PartnerRow).count()) > 0) return 0;
  const world = generateDemoWorld({ ...options, referenceDate: today() });
  const work = world.schoolWork!;
  const created = { createdBy: DEMO_CREATOR, createdAt: new Date() };
  await db.transaction(async (em) => {
    await insertInBatches(
      em,
      PartnerRow,
      world.partners.map((partner) => ({ ...partner, ...created })),
    );
    await insertInBatches(
      em,
      ProgrammeRow,
      world.programmes.map((programme) => ({
        ...programme,
        townshipCode: world.atRisk!.programmePlaces[programme.id].townshipCode,
        village: world.atRisk!.programmePlaces[programme.id].villageName,
        endsOn: null,
        ...created,
      })),
    );
    await insertInBatches(em, PairingRow, [
      ...world.pairings.map((pairing) => ({
        ...pairing,
        helperOccupation: work.helperOccupations[pairing.id] ?? null,
        endReason: null,
        version: 1,
        ...created,
      })),
      ...work.endedPairings.map((pairing) => ({ ...pairing, version: 2, ...created })),
    ]);
    await insertInBatches(
      em,
      ConsentRow,
      world.consents.map((consent) => ({ ...consent, recordedBy: DEMO_CREATOR, recordedAt: new Date() })),
    );
    await insertInBatches(
      em,
      ChildrensHomeRow,
      work.childrensHomes.map((home) => ({ ...home, ...created })),
    );
    await insertInBatches(
      em,
      ActivityRow,
      work.activities.map(({ attendance: _attendance, ...activity }) => ({ ...activity, ...created })),
    );
    await insertInBatches(
      em,
      ActivityAttendanceRow,
      work.activities.flatMap((activity) => activity.attendance.map((row) => ({ ...row, activityId: activity.id }))),
    );
    await insertInBatches(
      em,
      ParentContactRow,
      work.parentContacts.map((contact) => ({ ...contact, partnerId: null, ...created })),
    );
  });
  return world.children.length;
}
