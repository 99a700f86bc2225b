import { Ctx, Directive, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
import type { SubgraphContext } from '../context';
import type { accessLogLoader } from './access-log.loader';
import { AccessLogEntry } from './access-log.type';

type WithAccessLog = SubgraphContext<{ accessLog: ReturnType<typeof accessLogLoader> }>;

/**
 * The field through which an agency other than civil affairs hands its access-log entries about a
 * child to civil affairs, which requires them to merge the three logs into `Child.accessLog`.
 * Not in the public API.
 */
export function agencyAccessLogResolver(Child: ClassType<{ id: string }>, fieldName: string) {
  @Resolver(() => Child)
  class AgencyAccessLogResolver {
    @Directive('@inaccessible')
    @FieldResolver(() => [AccessLogEntry], { name: fieldName, nullable: true, description: 'This agency’s access-log entries about the child, newest first.' })
    async entries(@Root() child: { id: string }, @Ctx() ctx: WithAccessLog) {
      return (await ctx.loaders.accessLog.load(child.id)).map((row) => row.entry);
    }
  }
  return AgencyAccessLogResolver;
}
