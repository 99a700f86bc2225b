import type { DataSource } from 'typeorm';
import { generateDemoWorld } from '../../demo/generator';
import { insertInBatches } from '../shared/batch-insert';
import { today } from '../shared/dates';
import type { DemoSeedOptions } from '../shared/subgraph-server';
import { AidGrantRow } from './aid/aid.entity';
import { AbsenceRow } from './attendance/attendance.entity';
import { CareAssignmentRow } from './care/care.entity';
import { AcademicSupportRow, BoardingLeaveRow, HomeVisitRow } from './care-record/care-record.entity';
import { DropoutCaseRow, DropoutEscalationRow, PersuasionRow } from './dropout/dropout.entity';
import { EnrolmentRow } from './enrolment/enrolment.entity';
import { EnrolmentNoticeRow } from './enrolment-notice/enrolment-notice.entity';
import { ChildProposalRow } from './proposal/proposal.entity';
import { SchoolRow } from './school/school.entity';
import { FileCheckRow } from './sweep/sweep.entity';
import { TalkRow } from './talk/talk.entity';
import { WellbeingContactRow, WellbeingInterventionRow, WellbeingScreeningRow } from './wellbeing/wellbeing.entity';

const DEMO_CREATOR = 'demo-data';

/** Loads education's part of the demo world, once, into an empty database. */
export async function seedEducationDemo(db: DataSource, options: DemoSeedOptions): Promise<number> {
  if ((await db.getRepository(SchoolRow).count()) > 0) return 0;
  const world = generateDemoWorld({ ...options, referenceDate: today() });
  const work = world.schoolWork!;
  const created = { createdBy: DEMO_CREATOR, createdAt: new Date() };
  const withCreated = <T extends object>(rows: T[]) => rows.map((row) => ({ ...row, ...created }));
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
      withCreated(
        world.enrolments.map((enrolment) => ({ ...enrolment, status: 'ENROLLED', endedOn: null, statusChangedOn: null, statusReason: null, version: 1 })),
      ),
    );
    await insertInBatches(em, CareAssignmentRow, withCreated(world.careAssignments.map((care) => ({ ...care, endedOn: null }))));
    await insertInBatches(em, TalkRow, withCreated([...world.talks, ...work.talks]));
    await insertInBatches(em, AbsenceRow, withCreated(work.absences.map((absence) => ({ ...absence, version: 1 }))));
    await insertInBatches(
      em,
      DropoutCaseRow,
      withCreated(work.dropoutCases.map(({ persuasions: _persuasions, escalations: _escalations, ...found }) => ({ ...found, version: 1 }))),
    );
    await insertInBatches(
      em,
      PersuasionRow,
      withCreated(work.dropoutCases.flatMap((found) => found.persuasions.map((attempt) => ({ ...attempt, caseId: found.id, childId: found.childId })))),
    );
    await insertInBatches(
      em,
      DropoutEscalationRow,
      withCreated(work.dropoutCases.flatMap((found) => found.escalations.map((report) => ({ ...report, caseId: found.id, childId: found.childId })))),
    );
    await insertInBatches(em, HomeVisitRow, withCreated(work.homeVisits));
    await insertInBatches(em, AcademicSupportRow, withCreated(work.academicSupport));
    await insertInBatches(em, BoardingLeaveRow, withCreated(work.boardingLeaves));
    await insertInBatches(
      em,
      WellbeingScreeningRow,
      withCreated(work.screenings.map(({ contact: _contact, intervention: _intervention, ...screening }) => screening)),
    );
    await insertInBatches(
      em,
      WellbeingContactRow,
      withCreated(
        work.screenings.flatMap((screening) => (screening.contact ? [{ ...screening.contact, childId: screening.childId, screeningId: screening.id }] : [])),
      ),
    );
    await insertInBatches(
      em,
      WellbeingInterventionRow,
      withCreated(
        work.screenings.flatMap((screening) =>
          screening.intervention ? [{ ...screening.intervention, childId: screening.childId, schoolId: screening.schoolId, screeningId: screening.id }] : [],
        ),
      ),
    );
    await insertInBatches(em, AidGrantRow, withCreated(work.aid));
    await insertInBatches(em, FileCheckRow, withCreated(work.fileChecks));
    await insertInBatches(em, EnrolmentNoticeRow, withCreated(work.enrolmentNotices));
    await insertInBatches(
      em,
      ChildProposalRow,
      withCreated(work.proposals.map((proposal) => ({ ...proposal, status: 'PENDING', alreadyRegistered: null, decisionReason: null, decidedAt: null }))),
    );
  });
  return world.children.length;
}
