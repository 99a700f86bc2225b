import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { EducationContext } from '../context';
import { RiskStatusService } from './risk-status.service';
import { ChildRiskStatus } from './risk-status.type';

@Resolver(() => ChildRiskStatus)
export class RiskStatusResolver {
  private readonly service = new RiskStatusService();

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: '适龄未入学: of compulsory-education age, left-behind or in difficult circumstances, and enrolled at no school.',
  })
  schoolAgeNotEnrolled(@Root() status: ChildRiskStatus, @Ctx() ctx: EducationContext) {
    return this.service.schoolAgeNotEnrolled(ctx, status.childId);
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'The child has an open dropout case (控辍保学).' })
  openDropoutCase(@Root() status: ChildRiskStatus, @Ctx() ctx: EducationContext) {
    return this.service.openDropoutCase(ctx, status.childId);
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'The open dropout case is overdue for escalation (a required report has not been made).' })
  dropoutEscalationOverdue(@Root() status: ChildRiskStatus, @Ctx() ctx: EducationContext) {
    return this.service.dropoutEscalationOverdue(ctx, status.childId);
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'No talk (谈心谈话) in 14 days, for a left-behind or difficult-circumstance pupil.' })
  talkOverdue(@Root() status: ChildRiskStatus, @Ctx() ctx: EducationContext) {
    return this.service.talkOverdue(ctx, status.childId);
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'A left-behind or difficult-circumstance pupil with no care-responsible person (关爱责任人).' })
  noCareResponsiblePerson(@Root() status: ChildRiskStatus, @Ctx() ctx: EducationContext) {
    return this.service.noCareResponsiblePerson(ctx, status.childId);
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'A serious wellbeing finding whose contact with the parents or guardian is overdue.' })
  wellbeingContactOverdue(@Root() status: ChildRiskStatus, @Ctx() ctx: EducationContext) {
    return this.service.wellbeingContactOverdue(ctx, status.childId);
  }
}
