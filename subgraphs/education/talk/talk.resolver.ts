import { randomUUID } from 'node:crypto';
import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { badInput } from '../../../platform/errors';
import { createOnce } from '../../shared/idempotency';
import { LocalDate } from '../../shared/scalars';
import { optionalText, pastDate, requiredText, uuid } from '../../shared/validation';
import { Child } from '../child/child.type';
import type { EducationContext } from '../context';
import { TalkRow } from './talk.entity';
import { LogTalkInput } from './talk.inputs';
import { Talk } from './talk.type';

/** A talk is due every two weeks (每两周至少一次谈心谈话). */
export const TALK_INTERVAL_DAYS = 14;
const MAX_TALKS = 100;

const today = () => new Date().toISOString().slice(0, 10);

@Resolver(() => Talk)
export class TalkResolver {
  @Mutation(() => Talk, { description: 'Logs a talk with a child. A retry with the same idempotencyKey logs it once.' })
  async logTalk(
    @Arg('input', () => LogTalkInput, { description: 'The talk.' }) input: LogTalkInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'A client-chosen key that makes retries safe.' })
    idempotencyKey: string | null,
    @Ctx() ctx: EducationContext,
  ) {
    const row = {
      id: randomUUID(),
      childId: uuid(input.childId, 'childId'),
      heldOn: input.heldOn ? pastDate(input.heldOn, 'heldOn') : today(),
      heldBy: requiredText(input.heldBy, 'heldBy', 50),
      summary: optionalText(input.summary, 'summary', 2000),
      createdBy: ctx.principal.sub,
    };
    const { id } = await ctx.db.transaction((em) =>
      createOnce(em, { principal: ctx.principal.sub, operation: 'logTalk', key: idempotencyKey }, async () => {
        await em.getRepository(TalkRow).insert(row);
        return row.id;
      }),
    );
    return ctx.db.getRepository(TalkRow).findOneByOrFail({ id });
  }
}

@Resolver(() => Child)
export class ChildTalksResolver {
  @FieldResolver(() => [Talk], { nullable: true, description: 'The most recent talks with the child, newest first.' })
  talks(
    @Root() child: Child,
    @Arg('last', () => Int, { defaultValue: 10, description: `How many of the latest talks, 1 to ${MAX_TALKS}.` }) last: number,
    @Ctx() ctx: EducationContext,
  ) {
    if (!Number.isInteger(last) || last < 1 || last > MAX_TALKS) throw badInput(`last must be between 1 and ${MAX_TALKS}.`, 'last');
    return ctx.loaders.recentTalks(last).load(child.id);
  }

  @FieldResolver(() => LocalDate, { nullable: true, description: 'Date of the latest talk; null when there has been none.' })
  lastTalkOn(@Root() child: Child, @Ctx() ctx: EducationContext) {
    return ctx.loaders.lastTalkOnByChildId.load(child.id);
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: `True when an enrolled child has had no talk in the last ${TALK_INTERVAL_DAYS} days (a high-risk flag); null when the child is not at school.`,
  })
  async talkOverdue(@Root() child: Child, @Ctx() ctx: EducationContext) {
    const [enrolment, lastTalkOn] = await Promise.all([
      ctx.loaders.currentEnrolmentByChildId.load(child.id),
      ctx.loaders.lastTalkOnByChildId.load(child.id),
    ]);
    if (!enrolment) return null;
    const due = new Date(Date.now() - TALK_INTERVAL_DAYS * 86_400_000).toISOString().slice(0, 10);
    return lastTalkOn === null || lastTalkOn < due;
  }
}
