import type { DataSource } from 'typeorm';
import { generateDemoWorld } from '../../demo/generator';
import { insertInBatches } from '../shared/batch-insert';
import { today } from '../shared/dates';
import type { DemoSeedOptions } from '../shared/subgraph-server';
import { BenefitRow } from './benefit/benefit.entity';
import { CareWorkerRow } from './care-worker/care-worker.entity';
import { ChildRow } from './child/child.entity';
import { DifficultyRow } from './difficulty/difficulty.entity';
import { GuardianshipRow, ReentrustmentNoticeRow } from './guardianship/guardianship.entity';
import type { NationalIdCipher } from './national-id-cipher';
import { ParentRow } from './parent/parent.entity';
import { ProtectionReportRow, ProtectionStepRow } from './protection-report/protection-report.entity';
import { FileReviewRow } from './review/review.entity';
import { VerificationRow } from './verification/verification.entity';

const DEMO_CREATOR = 'demo-data';

/** Midnight UTC of a day: when the demo's dated records were made. */
const at = (day: string) => new Date(`${day}T00:00:00Z`);

/** Loads the registry's part of the demo world, once, into an empty database. */
export async function seedCivilAffairsDemo(db: DataSource, cipher: NationalIdCipher, options: DemoSeedOptions) {
  if ((await db.getRepository(ChildRow).count()) > 0) return 0;
  const world = generateDemoWorld({ ...options, referenceDate: today() });
  const children = world.children;
  const atRisk = world.atRisk!;
  const files = new Map(atRisk.files.map((file) => [file.childId, file]));
  const recorded = { recordedBy: DEMO_CREATOR };
  await db.transaction(async (em) => {
    await insertInBatches(
      em,
      CareWorkerRow,
      atRisk.careWorkers.map((worker) => ({ ...worker, createdAt: new Date(), createdBy: DEMO_CREATOR })),
    );
    await insertInBatches(
      em,
      ChildRow,
      children.map((child) => {
        const file = files.get(child.id)!;
        return {
          id: child.id,
          name: child.name,
          gender: child.gender,
          birthDate: child.birthDate,
          ethnicity: child.ethnicity,
          nationalIdEncrypted: child.nationalId ? cipher.encrypt(child.nationalId) : null,
          nationalIdHash: child.nationalId ? cipher.lookupHash(child.nationalId) : null,
          householdRegionCode: child.householdRegionCode,
          householdVillage: child.householdVillage,
          householdTownshipCode: file.household.townshipCode,
          householdVillageCode: file.household.villageCode,
          residenceRegionCode: child.residenceRegionCode,
          residenceVillage: child.residenceVillage,
          residenceTownshipCode: file.residence.townshipCode,
          residenceVillageCode: file.residence.villageCode,
          status: file.status,
          statusReason: file.statusReason,
          archiveReason: file.archiveReason,
          lastReviewedAt: file.lastReviewedOn ? at(file.lastReviewedOn) : null,
          lastReviewedOn: file.lastReviewedOn,
          lastReviewedBy: file.lastReviewedOn ? DEMO_CREATOR : null,
          childDirectorId: file.childDirectorId,
          childSupervisorId: file.childSupervisorId,
          version: 1,
          createdAt: at(file.registeredOn),
          updatedAt: new Date(),
          createdBy: DEMO_CREATOR,
        };
      }),
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
      atRisk.guardianships.map((guardianship) => ({ ...guardianship, ...recorded, recordedAt: at(guardianship.since) })),
    );
    await insertInBatches(
      em,
      VerificationRow,
      atRisk.verifications.map((visit) => ({ ...visit, notes: null, ...recorded, recordedAt: at(visit.visitedOn) })),
    );
    await insertInBatches(
      em,
      ReentrustmentNoticeRow,
      atRisk.notices.map(({ openedOn, closedOn, ...notice }) => ({
        ...notice,
        openedAt: at(openedOn),
        openedBy: DEMO_CREATOR,
        parentsNotifiedBy: notice.parentsNotifiedOn ? DEMO_CREATOR : null,
        closedAt: closedOn ? at(closedOn) : null,
        closedBy: closedOn ? DEMO_CREATOR : null,
        version: 1,
      })),
    );
    await insertInBatches(
      em,
      DifficultyRow,
      atRisk.difficulties.map((difficulty) => ({ ...difficulty, version: 1, ...recorded, recordedAt: at(difficulty.startsOn) })),
    );
    await insertInBatches(
      em,
      BenefitRow,
      atRisk.benefits.map((benefit) => ({ ...benefit, version: 1, ...recorded, recordedAt: at(benefit.startsOn) })),
    );
    await insertInBatches(
      em,
      FileReviewRow,
      atRisk.reviews.map((review) => ({ ...review, reviewer: DEMO_CREATOR, recordedAt: at(review.reviewedOn) })),
    );
    await insertInBatches(
      em,
      ProtectionReportRow,
      atRisk.reports.map(({ steps, reportedAt, closedAt, ...report }) => ({
        ...report,
        reporterPhone: null,
        reportedAt: new Date(reportedAt),
        outcomeNotes: null,
        closedAt: closedAt ? new Date(closedAt) : null,
        closedBy: closedAt ? DEMO_CREATOR : null,
        version: 1 + steps.length,
      })),
    );
    await insertInBatches(
      em,
      ProtectionStepRow,
      atRisk.reports.flatMap((report) =>
        report.steps.map((step) => ({
          ...step,
          reportId: report.id,
          childId: report.childId,
          takenAt: new Date(step.takenAt),
          ...recorded,
          recordedAt: new Date(step.takenAt),
        })),
      ),
    );
  });
  return world.children.length;
}
