import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';
import { GuardianCapacity } from '../guardianship/guardianship.type';

export enum VisitorLevel {
  TOWNSHIP = 'TOWNSHIP',
  VILLAGE = 'VILLAGE',
}
registerEnumType(VisitorLevel, {
  name: 'VisitorLevel',
  description: 'Who verified the entrusted care (seed 004: 乡镇人民政府和村(居)民委员会...核实委托照护情况).',
  valuesConfig: {
    TOWNSHIP: { description: 'The township government (乡镇人民政府), e.g. its child supervisor.' },
    VILLAGE: { description: 'The village committee (村(居)民委员会), e.g. its child director.' },
  },
});

export enum VerificationMethod {
  HOME_VISIT = 'HOME_VISIT',
  ASSESSMENT = 'ASSESSMENT',
}
registerEnumType(VerificationMethod, {
  name: 'VerificationMethod',
  description: 'How the care was checked.',
  valuesConfig: {
    HOME_VISIT: { description: '上门走访: a visit to the home.' },
    ASSESSMENT: { description: '重点评估: a focused assessment.' },
  },
});

@ObjectType({ description: '委托照护核实: a visit that checked whether the entrusted guardian looks after the child, and what it found.' })
export class GuardianshipVerification {
  @Field(() => ID, { description: 'Visit id.' })
  id!: string;

  @Field(() => Int, { description: 'The guardianship version that was checked.' })
  guardianshipVersion!: number;

  @Field(() => LocalDate, { description: 'Day of the visit.' })
  visitedOn!: string;

  @Field({ description: 'Who visited.' })
  visitorName!: string;

  @Field(() => VisitorLevel, { description: 'Township or village.' })
  visitorLevel!: VisitorLevel;

  @Field(() => VerificationMethod, { description: 'How the care was checked.' })
  method!: VerificationMethod;

  @Field(() => GuardianCapacity, { description: 'What the visit found of the guardian’s capacity.' })
  outcome!: GuardianCapacity;

  @Field(() => String, { nullable: true, description: 'What the visitor noted.' })
  notes!: string | null;

  @Field({ description: 'When it was recorded.' })
  recordedAt!: Date;
}
