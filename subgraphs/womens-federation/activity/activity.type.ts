import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';

export enum ActivityKind {
  CHILDRENS_HOME_ACTIVITY = 'CHILDRENS_HOME_ACTIVITY',
  FAMILY_EDUCATION = 'FAMILY_EDUCATION',
  PROGRAMME_ACTIVITY = 'PROGRAMME_ACTIVITY',
  HOME_VISIT = 'HOME_VISIT',
}
registerEnumType(ActivityKind, {
  name: 'ActivityKind',
  description: 'What an activity was.',
  valuesConfig: {
    CHILDRENS_HOME_ACTIVITY: { description: '儿童之家活动: homework, games, reading, safety education at a children’s home.' },
    FAMILY_EDUCATION: { description: '家庭教育指导: a session for parents and guardians (家长学校, talks, online classes).' },
    PROGRAMME_ACTIVITY: { description: 'A programme’s activity with its children.' },
    HOME_VISIT: { description: 'A visit to a child’s home by a proxy parent, volunteer or partner.' },
  },
});

export enum Attendee {
  CHILD = 'CHILD',
  FATHER = 'FATHER',
  MOTHER = 'MOTHER',
  GUARDIAN = 'GUARDIAN',
}
registerEnumType(Attendee, {
  name: 'Attendee',
  description: 'Who attended: the child, or a parent or guardian on the child’s behalf (family education).',
});

@ObjectType({ description: 'An activity for children or their families, with its attendance.' })
export class Activity {
  @Field(() => ID, { description: 'Activity id.' })
  id!: string;

  @Field(() => ActivityKind, { description: 'What it was.' })
  kind!: ActivityKind;

  @Field({ description: 'Title or topic.' })
  title!: string;

  @Field(() => LocalDate, { description: 'When.' })
  heldOn!: string;

  @Field({ description: 'County-level GB/T 2260 code where it was held.' })
  regionCode!: string;

  @Field({ description: 'Who led it.' })
  ledBy!: string;

  @Field(() => String, { nullable: true, description: 'Notes.' })
  notes!: string | null;
}

@ObjectType({ description: 'One attendance: the child, or a parent or guardian for the child.' })
export class ActivityAttendance {
  @Field(() => Attendee, { description: 'Who attended.' })
  attendee!: Attendee;

  @Field(() => String, { nullable: true, description: 'The parent’s or guardian’s name.' })
  attendeeName!: string | null;
}
