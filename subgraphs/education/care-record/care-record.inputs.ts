import { Field, ID, InputType } from 'type-graphql';
import { DateTimeISO, LocalDate } from '../../shared/scalars';
import { ContactChannel, HomeVisitKind } from './care-record.type';

@InputType({ description: 'A home visit (家访) to a pupil.' })
export class RecordHomeVisitInput {
  @Field(() => ID, { description: 'Registry id of the child.' })
  childId!: string;

  @Field(() => LocalDate, { nullable: true, description: 'When; today when omitted.' })
  visitedOn?: string | null;

  @Field(() => HomeVisitKind, { defaultValue: HomeVisitKind.HOME_VISIT, description: 'What for.' })
  kind: HomeVisitKind = HomeVisitKind.HOME_VISIT;

  @Field({ description: 'Who went, up to 100 characters.' })
  visitors!: string;

  @Field(() => String, { nullable: true, description: 'What they found, up to 2,000 characters.' })
  findings?: string | null;
}

@InputType({ description: 'Tutoring arranged for a pupil’s learning difficulty.' })
export class ArrangeAcademicSupportInput {
  @Field(() => ID, { description: 'Registry id of the child.' })
  childId!: string;

  @Field({ description: 'Subject, up to 30 characters.' })
  subject!: string;

  @Field({ description: 'The difficulty seen, up to 500 characters.' })
  difficulty!: string;

  @Field({ description: 'The teacher tutoring the child.' })
  tutor!: string;

  @Field(() => LocalDate, { nullable: true, description: 'From; today when omitted.' })
  startsOn?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Until, if planned.' })
  endsOn?: string | null;
}

@InputType({ description: 'A boarder’s leave, with the check made with the guardian before granting it.' })
export class GrantBoardingLeaveInput {
  @Field(() => ID, { description: 'Registry id of the child, who must board at school.' })
  childId!: string;

  @Field(() => LocalDate, { description: 'First day away.' })
  leavesOn!: string;

  @Field(() => LocalDate, { description: 'Back by.' })
  returnsOn!: string;

  @Field({ description: 'Why, and where the child goes, up to 200 characters.' })
  reason!: string;

  @Field({ description: 'The guardian who confirmed.' })
  guardianName!: string;

  @Field({ description: 'Their relationship to the child.' })
  guardianRelationship!: string;

  @Field(() => ContactChannel, { description: 'How they were reached.' })
  checkedVia!: ContactChannel;

  @Field(() => DateTimeISO, { nullable: true, description: 'When they confirmed; now when omitted. Not in the future.' })
  checkedAt?: Date | null;

  @Field({ description: 'Who grants the leave (head teacher or dormitory staff).' })
  approvedBy!: string;
}
