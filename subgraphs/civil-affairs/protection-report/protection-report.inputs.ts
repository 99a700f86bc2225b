import { Field, ID, InputType, Int } from 'type-graphql';
import { NotifiedBody, ProtectionCategory, ProtectionStepAction } from './protection-report.type';

@InputType({ description: 'A mandatory protection report (强制报告) about a child you reach.' })
export class FileProtectionReportInput {
  @Field(() => ID, { description: 'Registry id of the child.' })
  childId!: string;

  @Field(() => ProtectionCategory, { description: 'What was found; it decides the bodies to notify.' })
  category!: ProtectionCategory;

  @Field({ description: 'The facts: what was seen or heard, when and where, 1 to 4,000 characters.' })
  facts!: string;

  @Field({ description: 'Your name, 1 to 50 characters.' })
  reporterName!: string;

  @Field(() => String, { nullable: true, description: 'A phone number the handlers can reach you at.' })
  reporterPhone?: string | null;
}

@InputType({ description: 'A step in handling a protection report.' })
export class RecordProtectionStepInput {
  @Field(() => ID, { description: 'The report.' })
  reportId!: string;

  @Field(() => Int, { description: 'The report’s version you read.' })
  expectedVersion!: number;

  @Field(() => ProtectionStepAction, { description: 'What was done.' })
  action!: ProtectionStepAction;

  @Field(() => NotifiedBody, { nullable: true, description: 'The body notified (required for NOTIFIED), or that acted.' })
  body?: NotifiedBody | null;

  @Field(() => Date, { nullable: true, description: 'When it was done; now when omitted. Not in the future, not before the report.' })
  takenAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'What was done and found, up to 2,000 characters.' })
  notes?: string | null;
}
