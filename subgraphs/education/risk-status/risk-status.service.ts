import { inCareRules } from '../../shared/feeds/registered-child';
import type { EducationContext } from '../context';
import { TalkService } from '../talk/talk.service';

/**
 * Education's flags on a child's status, each from the same loaders as the fields and working
 * lists it summarises, so a status and a list never disagree.
 */
export class RiskStatusService {
  private readonly talks = new TalkService();

  /** School-age (6 to 15), left-behind or in difficulty, and enrolled nowhere; null when the registry does not show the child. */
  schoolAgeNotEnrolled(ctx: EducationContext, childId: string): Promise<boolean | null> {
    return ctx.loaders.schoolAgeNotEnrolledByChildId.load(childId);
  }

  async openDropoutCase(ctx: EducationContext, childId: string): Promise<boolean> {
    const found = await ctx.loaders.dropoutCaseByChildId.load(childId);
    return Boolean(found && found.closedOn === null);
  }

  async dropoutEscalationOverdue(ctx: EducationContext, childId: string): Promise<boolean> {
    const found = await ctx.loaders.dropoutCaseByChildId.load(childId);
    if (!found || found.closedOn !== null) return false;
    return ((await ctx.loaders.escalationFactsByCaseId.load(found.id))?.due.length ?? 0) > 0;
  }

  talkOverdue(ctx: EducationContext, childId: string): Promise<boolean | null> {
    return this.talks.overdue(ctx, childId);
  }

  /** A pupil the care rules cover with no care-responsible person; null where the rule does not apply. */
  async noCareResponsiblePerson(ctx: EducationContext, childId: string): Promise<boolean | null> {
    const [enrolment, registered, carePerson] = await Promise.all([
      ctx.loaders.currentEnrolmentByChildId.load(childId),
      ctx.loaders.registeredChildById.load(childId),
      ctx.loaders.careByChildId.load(childId),
    ]);
    if (!enrolment || !inCareRules(registered)) return null;
    return carePerson === null;
  }

  wellbeingContactOverdue(ctx: EducationContext, childId: string): Promise<boolean> {
    return ctx.loaders.wellbeingContactOverdueByChildId.load(childId);
  }
}
