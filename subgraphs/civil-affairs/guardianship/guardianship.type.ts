import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';
import { GuardianshipForm } from '../../shared/registry-enums';

export { GuardianshipForm };

export enum GuardianCapacity {
  CAPABLE = 'CAPABLE',
  LIMITED = 'LIMITED',
  UNABLE = 'UNABLE',
}
registerEnumType(GuardianCapacity, {
  name: 'GuardianCapacity',
  description: 'Whether the entrusted guardian can look after the child (监护能力).',
  valuesConfig: {
    CAPABLE: { description: 'Able to guard the child.' },
    LIMITED: { description: 'Able only in part (age, health); needs support.' },
    UNABLE: { description: 'Unable: the parents must be told to re-entrust the child.' },
  },
});

@ObjectType({
  description:
    'Who actually looks after the child: the guardianship form and the entrusted guardian (受委托监护人), as recorded at one moment. ' +
    'Each change is a new version; the current guardianship is the latest (the form’s 变动情况 is the history).',
})
export class Guardianship {
  /** Not in the schema: the child the record is about, for the access log. */
  childId?: string;

  @Field(() => GuardianshipForm, { description: '监护形式.' })
  form!: GuardianshipForm;

  @Field(() => String, { nullable: true, description: 'Entrusted guardian’s name.' })
  guardianName!: string | null;

  @Field(() => String, { nullable: true, description: 'Relationship to the child, e.g. 祖父, 外婆, 姑妈.' })
  guardianRelationship!: string | null;

  @Field(() => String, { nullable: true, description: 'Entrusted guardian’s phone.' })
  guardianPhone!: string | null;

  @Field(() => String, { nullable: true, description: 'Entrusted guardian’s address.' })
  guardianAddress!: string | null;

  @Field(() => GuardianCapacity, { nullable: true, description: 'Whether the guardian can look after the child.' })
  guardianCapacity!: GuardianCapacity | null;

  @Field({ description: 'True when the child lives alone (ALONE): a high-risk flag.' })
  livingAlone!: boolean;

  @Field(() => LocalDate, { description: 'Since when this arrangement holds.' })
  since!: string;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'When the parents told the village committee (村(居)民委员会) of the entrustment (seed 004: 告知委托照护情况); null until they did.',
  })
  reportedToVillageOn!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When the parents told the child’s school of the entrustment; null until they did.' })
  reportedToSchoolOn!: string | null;

  @Field({ description: 'When this version was recorded.' })
  recordedAt!: Date;

  @Field(() => Int, { description: 'Version: 1 for the first record, one more for each change; pass the current one as expectedVersion to change it.' })
  version!: number;
}

export enum ReentrustmentCause {
  VERIFICATION_FOUND_UNABLE = 'VERIFICATION_FOUND_UNABLE',
  GUARDIAN_RECORDED_UNABLE = 'GUARDIAN_RECORDED_UNABLE',
}
registerEnumType(ReentrustmentCause, {
  name: 'ReentrustmentCause',
  description: 'What found the guardian unable.',
  valuesConfig: {
    VERIFICATION_FOUND_UNABLE: { description: 'A verification visit by the township or village found the guardian unable.' },
    GUARDIAN_RECORDED_UNABLE: { description: 'A guardianship was recorded with a guardian unable to look after the child.' },
  },
});

@ObjectType({
  description:
    '再委托通知: the entrusted guardian was found unable, so the parents must be told to have the guardian fulfil the duty or entrust another capable ' +
    'adult (seed 004). Open until a capable guardian is recorded.',
})
export class ReentrustmentNotice {
  @Field(() => ID, { description: 'Notice id.' })
  id!: string;

  @Field(() => ReentrustmentCause, { description: 'What found the guardian unable.' })
  cause!: ReentrustmentCause;

  @Field(() => Int, { description: 'The guardianship version found unable.' })
  guardianshipVersion!: number;

  @Field({ description: 'When the notice opened.' })
  openedAt!: Date;

  @Field(() => LocalDate, { nullable: true, description: 'When the parents were notified; null until they are.' })
  parentsNotifiedOn!: string | null;

  @Field({ description: 'True until a capable guardian is recorded.' })
  open!: boolean;

  @Field(() => Date, { nullable: true, description: 'When a capable guardian was recorded and the notice closed.' })
  closedAt!: Date | null;

  @Field(() => Int, { nullable: true, description: 'The guardianship version that closed it.' })
  closingGuardianshipVersion!: number | null;

  @Field(() => Int, { description: 'Version; pass it as expectedVersion to record that the parents were notified.' })
  version!: number;
}
