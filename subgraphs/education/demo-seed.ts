import type { DataSource } from 'typeorm';
import { generateDemoWorld } from '../../demo/generator';
import { insertInBatches } from '../shared/batch-insert';
import { today } from '../shared/dates';
import type { DemoSeedOptions } from '../shared/subgraph-server';
import { CareAssignmentRow } from './care/care.entity';
import { EnrolmentRow } from './enrolment/enrolment.entity';
import { SchoolRow } from './school/school.entity';
import { TalkRow } from './talk/talk.entity';

const DEMO_CREATOR = 'demo-data';

/** Loads education's part of the demo world, once, into an empty database. */
export async function seedEducationDemo(db: DataSource, options: DemoSeedOptions): Promise<number> {
  if ((await db.getRepository(SchoolRow).count()) > 0) return 0;
  const world = generateDemoWorld({ ...options, referenceDate: today() });
  const created = { createdBy: DEMO_CREATOR, createdAt: new Date() };
  await db.transaction(async (em) => {
    await insertInBatches(
      em,
      SchoolRow,
      world.schools.map((school) => ({
        ...school,
        townshipCode: world.atRisk!.schoolPlaces[school.id].townshipCode,
        village: world.atRisk!.schoolPlaces[school.id].villageName,
        ...created,
      })),
    );
    await insertInBatches(
      em,
      EnrolmentRow,
      world.enrolments.map((enrolment) => ({ ...enrolment, status: 'ENROLLED', endedOn: null, version: 1, ...created })),
    );
    await insertInBatches(
      em,
      CareAssignmentRow,
      world.careAssignments.map((care) => ({ ...care, endedOn: null, ...created })),
    );
    await insertInBatches(
      em,
      TalkRow,
      world.talks.map((talk) => ({ ...talk, ...created })),
    );
  });
  return world.children.length;
}
