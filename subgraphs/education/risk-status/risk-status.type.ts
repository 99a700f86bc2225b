import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "childId")')
@ObjectType({
  description:
    'A child’s status: the high-risk flags each agency contributes (education: school-age and not enrolled, an open dropout case and its escalation, ' +
    'an overdue talk, no care-responsible person, an overdue contact after a serious wellbeing finding). Each flag is null where its rule does not apply.',
})
export class ChildRiskStatus {
  @Field(() => ID, { description: 'Registry id of the child.' })
  childId!: string;
}
