import type { EntityManager } from 'typeorm';
import { createAidLoaders } from './aid/aid.loaders';
import { createAttendanceLoaders } from './attendance/attendance.loaders';
import { createCareLoaders } from './care/care.loaders';
import { createCareRecordLoaders } from './care-record/care-record.loaders';
import { createDropoutLoaders } from './dropout/dropout.loaders';
import { createEnrolmentNoticeLoaders } from './enrolment-notice/enrolment-notice.loaders';
import { createSweepLoaders } from './sweep/sweep.loaders';
import { createWellbeingLoaders } from './wellbeing/wellbeing.loaders';
import { createEnrolmentLoaders } from './enrolment/enrolment.loaders';
import { createSchoolLoaders } from './school/school.loaders';
import { createTalkLoaders } from './talk/talk.loaders';
import { regionLoaders } from './region/region.loaders';
import { createSchoolSummaryLoaders } from './school-summary/school-summary.loaders';
import { accessLogLoader } from '../shared/audit/access-log.loader';
import { registeredChildLoader } from '../shared/feeds/registered-child';

/** The education DataLoaders of one request, assembled from the entities'. */
export function createEducationLoaders(db: EntityManager) {
  return {
    accessLog: accessLogLoader(db, 'education'),
    registeredChildById: registeredChildLoader(db),
    ...createSchoolLoaders(db),
    ...createEnrolmentLoaders(db),
    ...createCareLoaders(db),
    ...createTalkLoaders(db),
    ...createAttendanceLoaders(db),
    ...createDropoutLoaders(db),
    ...createCareRecordLoaders(db),
    ...createWellbeingLoaders(db),
    ...createAidLoaders(db),
    ...createSweepLoaders(db),
    ...createEnrolmentNoticeLoaders(db),
    // Figures for analysts (issue 13).
    ...regionLoaders(db),
    ...createSchoolSummaryLoaders(db),
  };
}

export type EducationLoaders = ReturnType<typeof createEducationLoaders>;
