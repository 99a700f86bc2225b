import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';
import { GuardianCapacity } from '../guardianship/guardianship.type';
import { VerificationMethod, VisitorLevel } from './verification.type';

@InputType({ description: 'A verification visit to a child’s entrusted guardian.' })
export class RecordGuardianshipVerificationInput {
  @Field(() => ID, { description: 'Registry id of the child.' })
  childId!: string;

  @Field(() => Int, { description: 'The current guardianship version the visit checked (VERSION_CONFLICT when it is no longer current).' })
  guardianshipVersion!: number;

  @Field(() => LocalDate, { description: 'Day of the visit; not in the future nor before the guardianship’s since.' })
  visitedOn!: string;

  @Field({ description: 'Who visited, 1 to 50 characters.' })
  visitorName!: string;

  @Field(() => VisitorLevel, { description: 'Township or village.' })
  visitorLevel!: VisitorLevel;

  @Field(() => VerificationMethod, { description: 'How the care was checked.' })
  method!: VerificationMethod;

  @Field(() => GuardianCapacity, {
    description:
      'What the visit found. A finding other than the recorded capacity records a new guardianship version with it; UNABLE opens a ' +
      're-entrustment notice to the parents, CAPABLE closes an open one.',
  })
  outcome!: GuardianCapacity;

  @Field(() => String, { nullable: true, description: 'What the visitor noted, up to 1,000 characters.' })
  notes?: string | null;
}
