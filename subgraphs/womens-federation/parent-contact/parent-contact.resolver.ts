import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { lastArg, recordCount } from '../../shared/child-records';
import { IDEMPOTENCY_KEY_ARG } from '../../shared/idempotency';
import { Child } from '../child/child.type';
import type { WomensFederationContext } from '../context';
import { LogParentContactInput } from './parent-contact.inputs';
import { ParentContactService } from './parent-contact.service';
import { ParentContact } from './parent-contact.type';

@Resolver(() => ParentContact)
export class ParentContactResolver {
  private readonly service = new ParentContactService();

  @Mutation(() => ParentContact, {
    description:
      'Logs a call or video call between a child and its parents (亲情电话): a school’s staff for their pupils, a partner for the children it reaches, ' +
      'the federation for its county. A retry with the same idempotencyKey logs it once.',
  })
  logParentContact(
    @Arg('input', () => LogParentContactInput, { description: 'The call.' }) input: LogParentContactInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY_ARG) idempotencyKey: string | null,
    @Ctx() ctx: WomensFederationContext,
  ) {
    return this.service.log(ctx, input, idempotencyKey);
  }
}

@Resolver(() => Child)
export class ChildParentContactsResolver {
  @FieldResolver(() => [ParentContact], { nullable: true, description: 'Calls with the parents (亲情电话), newest first: those you may see.' })
  parentContacts(@Root() child: Child, @Arg('last', () => Int, lastArg('calls')) last: number, @Ctx() ctx: WomensFederationContext) {
    return ctx.loaders.newestParentContacts(recordCount(last)).load(child.id);
  }
}
