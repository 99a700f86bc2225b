import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';

/**
 * The child's status (DESIGN "Derived status"): one object, a federated entity each agency adds
 * the flags of its own data to (civil affairs these; education, for example, school-age and not
 * enrolled and the overdue talk). Every flag is derived when read, never stored, and is filed under
 * the category of the data it reveals, so a caller sees exactly the flags its scopes open.
 */
@Directive('@key(fields: "childId")')
@ObjectType({
  description:
    'What the agencies know of the child’s situation and risks, each flag derived when read from the agency that owns its data. A flag the ' +
    'caller’s scopes do not open comes back null with an UNAUTHORIZED_FIELD_OR_TYPE error.',
})
export class ChildRiskStatus {
  @Field(() => ID, { description: 'Registry id of the child.' })
  childId!: string;

  @Field(() => Boolean, {
    nullable: true,
    description: '困境儿童: in at least one difficult-circumstance category that holds today, and under 18.',
  })
  inDifficultCircumstances!: boolean;

  @Field(() => Boolean, { nullable: true, description: '独居: the current guardianship is ALONE, the child lives without a guardian. High risk.' })
  livingAlone!: boolean;

  @Field(() => Boolean, { nullable: true, description: 'No guardianship has been recorded for the child: who looks after it is unknown.' })
  noGuardianshipRecorded!: boolean;

  @Field(() => Boolean, { nullable: true, description: 'The current guardian is UNABLE to look after the child.' })
  guardianUnable!: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: 'A re-entrustment notice to the parents is open: no capable guardian recorded since one was found unable.',
  })
  reentrustmentNoticeOpen!: boolean;

  @Field(() => Boolean, { nullable: true, description: 'A protection report (强制报告) about the child is open (filed or in progress).' })
  openProtectionReport!: boolean;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'The day the next review is due: 3 months after the last review (or, never reviewed, after registration).',
  })
  reviewDueOn!: string;

  @Field(() => Boolean, { nullable: true, description: 'The active file is past its review date (seed 002: county files refreshed at least every 3 months).' })
  reviewOverdue!: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Aged out, flagged for review: the active file’s child turned 16 and is in no difficult-circumstance category, or turned 18.',
  })
  agedOut!: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Flagged for review: under 16 but no longer left-behind (the parents came home) and in no difficult-circumstance category.',
  })
  parentsReturned!: boolean;
}
