import type { BuildSchemaOptions } from 'type-graphql';
import { educationMigrations } from '../../migrations/education';
import { buildFederatedSchema } from '../shared/federated-schema';
import { resolverContainer } from '../shared/resolver-container';
import type { SubgraphDefinition } from '../shared/subgraph-server';
import { AidGrantRow } from './aid/aid.entity';
import { AidResolver, ChildAidResolver } from './aid/aid.resolver';
import { AbsenceRow } from './attendance/attendance.entity';
import { AttendanceResolver, ChildAttendanceResolver } from './attendance/attendance.resolver';
import { CareAssignmentRow } from './care/care.entity';
import { AcademicSupportRow, BoardingLeaveRow, HomeVisitRow } from './care-record/care-record.entity';
import { CareRecordResolver, ChildCareRecordResolver } from './care-record/care-record.resolver';
import { DropoutCaseRow, DropoutEscalationRow, PersuasionRow } from './dropout/dropout.entity';
import { ChildDropoutResolver, DropoutResolver } from './dropout/dropout.resolver';
import { EnrolmentNoticeRow } from './enrolment-notice/enrolment-notice.entity';
import { ChildEnrolmentNoticeResolver, EnrolmentNoticeResolver, UnenrolledChildResolver } from './enrolment-notice/enrolment-notice.resolver';
import { ChildProposalRow } from './proposal/proposal.entity';
import { ProposalResolver } from './proposal/proposal.resolver';
import { ProposalImportResolver } from './proposal-import/proposal-import.resolver';
import { riskStatusReferenceResolver } from './risk-status/risk-status.reference';
import { RiskStatusResolver } from './risk-status/risk-status.resolver';
import { ChildRiskStatus } from './risk-status/risk-status.type';
import { FileCheckRow } from './sweep/sweep.entity';
import { ChildFileCheckResolver, FileCheckResolver, SchoolSweepResolver } from './sweep/sweep.resolver';
import { WellbeingContactRow, WellbeingInterventionRow, WellbeingScreeningRow } from './wellbeing/wellbeing.entity';
import { ChildWellbeingResolver, WellbeingResolver } from './wellbeing/wellbeing.resolver';
import { CareResolver, ChildCareResolver } from './care/care.resolver';
import { ChildAccessLogResolver } from './child/child.resolver';
import { childReferenceResolver } from './child/child.reference';
import { seedEducationDemo } from './demo-seed';
import { EnrolmentRow } from './enrolment/enrolment.entity';
import { ChildEnrolmentResolver, EnrolmentResolver, SchoolEnrolmentsResolver } from './enrolment/enrolment.resolver';
import { createEducationLoaders, type EducationLoaders } from './loaders';
import { SchoolRow } from './school/school.entity';
import { schoolReferenceResolver } from './school/school.reference';
import { SchoolResolver } from './school/school.resolver';
import { TalkRow } from './talk/talk.entity';
import { regionKeyReference } from '../shared/reports/region.type';
import { Region } from './region/region.type';
import { RegionSchoolFiguresResolver } from './region/region.resolver';
import { SchoolSummaryResolver } from './school-summary/school-summary.resolver';
import { ChildTalksResolver, TalkResolver } from './talk/talk.resolver';

const resolvers: BuildSchemaOptions['resolvers'] = [
  ChildAccessLogResolver,
  SchoolResolver,
  EnrolmentResolver,
  SchoolEnrolmentsResolver,
  ChildEnrolmentResolver,
  CareResolver,
  ChildCareResolver,
  TalkResolver,
  ChildTalksResolver,
  AttendanceResolver,
  ChildAttendanceResolver,
  DropoutResolver,
  ChildDropoutResolver,
  CareRecordResolver,
  ChildCareRecordResolver,
  WellbeingResolver,
  ChildWellbeingResolver,
  AidResolver,
  ChildAidResolver,
  FileCheckResolver,
  SchoolSweepResolver,
  ChildFileCheckResolver,
  EnrolmentNoticeResolver,
  UnenrolledChildResolver,
  ChildEnrolmentNoticeResolver,
  ProposalResolver,
  // Bulk proposals from the registration forms (issue 13).
  ProposalImportResolver,
  RiskStatusResolver,
  // Figures for analysts (issue 13).
  RegionSchoolFiguresResolver,
  SchoolSummaryResolver,
];

/** The education subgraph (教育局 and schools). */
export function educationSubgraph(suppressionThreshold = 5): SubgraphDefinition<EducationLoaders> {
  return {
    name: 'education',
    entities: [
      SchoolRow,
      EnrolmentRow,
      CareAssignmentRow,
      TalkRow,
      AbsenceRow,
      DropoutCaseRow,
      PersuasionRow,
      DropoutEscalationRow,
      HomeVisitRow,
      AcademicSupportRow,
      BoardingLeaveRow,
      WellbeingScreeningRow,
      WellbeingInterventionRow,
      WellbeingContactRow,
      AidGrantRow,
      FileCheckRow,
      EnrolmentNoticeRow,
      ChildProposalRow,
    ],
    migrations: educationMigrations,
    buildSchema: () =>
      buildFederatedSchema(
        {
          resolvers,
          container: resolverContainer([new RegionSchoolFiguresResolver(suppressionThreshold), new SchoolSummaryResolver(suppressionThreshold)]),
          orphanedTypes: [ChildRiskStatus, Region],
        },
        {
          ...childReferenceResolver,
          ...schoolReferenceResolver,
          ...riskStatusReferenceResolver,
          ...regionKeyReference,
        },
      ),
    createLoaders: createEducationLoaders,
    seedDemoData: (db, options) => seedEducationDemo(db, options),
    figureRecorders: ['record_school_figures'],
  };
}
