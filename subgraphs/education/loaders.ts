import type { EntityManager } from 'typeorm';
import { createCareLoaders } from './care/care.loaders';
import { createEnrolmentLoaders } from './enrolment/enrolment.loaders';
import { createSchoolLoaders } from './school/school.loaders';
import { createTalkLoaders } from './talk/talk.loaders';
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
  };
}

export type EducationLoaders = ReturnType<typeof createEducationLoaders>;
