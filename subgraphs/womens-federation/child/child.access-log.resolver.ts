import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { AccessLogEntry } from '../../shared/audit/access-log.type';
import type { WomensFederationContext } from '../context';
import { Child } from './child.type';

@Resolver(() => Child)
export class ChildAccessLogResolver {
  // Not in the public API: civil affairs requires it to merge the three agencies' logs into Child.accessLog.
  @Directive('@inaccessible')
  @FieldResolver(() => [AccessLogEntry], { nullable: true, description: 'This agency’s access-log entries about the child, newest first.' })
  async womensFederationAccessLog(@Root() child: Child, @Ctx() ctx: WomensFederationContext) {
    return (await ctx.loaders.accessLog.load(child.id)).map((row) => row.entry);
  }
}
