import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeISO, LocalDate } from '../../shared/scalars';

export enum HomeVisitKind {
  HOME_VISIT = 'HOME_VISIT',
  HOLIDAY_SAFETY = 'HOLIDAY_SAFETY',
  SWEEP_VERIFICATION = 'SWEEP_VERIFICATION',
}
registerEnumType(HomeVisitKind, {
  name: 'HomeVisitKind',
  description: 'What a home visit was for.',
  valuesConfig: {
    HOME_VISIT: { description: '家访: the regular visit to learn how the child lives at home.' },
    HOLIDAY_SAFETY: { description: '节假日安全家访: a safety visit before or during the holidays (drowning, traffic, gas).' },
    SWEEP_VERIFICATION: { description: 'The visit the term sweep requires for a newly identified child (seed 004).' },
  },
});

export enum ContactChannel {
  PHONE = 'PHONE',
  VIDEO = 'VIDEO',
  IN_PERSON = 'IN_PERSON',
}
registerEnumType(ContactChannel, { name: 'ContactChannel', description: 'How someone was reached: by phone, video call or in person.' });

@ObjectType({ description: '家访: a teacher’s visit to the child’s home.' })
export class HomeVisit {
  @Field(() => ID, { description: 'Visit id.' })
  id!: string;

  @Field(() => LocalDate, { description: 'When.' })
  visitedOn!: string;

  @Field(() => HomeVisitKind, { description: 'What for.' })
  kind!: HomeVisitKind;

  @Field({ description: 'Who went.' })
  visitors!: string;

  @Field(() => String, { nullable: true, description: 'What they found: the home, the guardian, safety hazards, what was agreed.' })
  findings!: string | null;
}

@ObjectType({ description: '学业辅导: individual tutoring for a learning difficulty, by a named teacher.' })
export class AcademicSupport {
  @Field(() => ID, { description: 'Support id.' })
  id!: string;

  @Field({ description: 'Subject, e.g. 数学.' })
  subject!: string;

  @Field({ description: 'The difficulty seen (learning difficulty, study habits, 厌学).' })
  difficulty!: string;

  @Field({ description: 'The teacher tutoring the child.' })
  tutor!: string;

  @Field(() => LocalDate, { description: 'From.' })
  startsOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Until; null while open-ended.' })
  endsOn!: string | null;
}

@ObjectType({
  description: '寄宿生请假: a boarder’s leave from school, granted only after the head teacher or dormitory staff checked with the guardian (seed 004).',
})
export class BoardingLeave {
  @Field(() => ID, { description: 'Leave id.' })
  id!: string;

  @Field(() => LocalDate, { description: 'First day away.' })
  leavesOn!: string;

  @Field(() => LocalDate, { description: 'Back by.' })
  returnsOn!: string;

  @Field({ description: 'Why, and where the child goes.' })
  reason!: string;

  @Field({ description: 'The guardian (or entrusted guardian) who confirmed.' })
  guardianName!: string;

  @Field({ description: 'Their relationship to the child.' })
  guardianRelationship!: string;

  @Field(() => ContactChannel, { description: 'How they were reached.' })
  checkedVia!: ContactChannel;

  @Field(() => DateTimeISO, { description: 'When they confirmed.' })
  checkedAt!: Date;

  @Field({ description: 'Who granted the leave.' })
  approvedBy!: string;
}
