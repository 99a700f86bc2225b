import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { badInput } from '../../../platform/errors';
import { AccessLogEntry } from '../../shared/audit/access-log.type';
import type { CivilAffairsContext } from '../context';
import type { ChildRow } from './child.entity';
import { Child } from './child.type';

const ENTRY_FIELDS = '{ at agency actor org purpose requestId action categories }';

/** A child row as the gateway hands it over for `accessLog`: with the other agencies' entries it required. */
type ChildWithAgencyLogs = ChildRow & { educationAccessLog?: AccessLogEntry[] | null; womensFederationAccessLog?: AccessLogEntry[] | null };

@Resolver(() => Child)
export class ChildAccessLogResolver {
  @Directive(`@requires(fields: "educationAccessLog ${ENTRY_FIELDS} womensFederationAccessLog ${ENTRY_FIELDS}")`)
  @FieldResolver(() => [AccessLogEntry], {
    nullable: true,
    description:
      '访问记录: who accessed this child’s data, in which agency and categories, when and for what purpose, merged from the ' +
      'three agencies’ hash-chained access logs, newest first (as in X-Road, each side keeps its own log).',
  })
  async accessLog(
    @Root() child: ChildWithAgencyLogs,
    @Arg('last', () => Int, { defaultValue: 50, description: 'How many entries, 1 to 200.' }) last: number,
    @Ctx() ctx: CivilAffairsContext,
  ): Promise<AccessLogEntry[]> {
    if (last < 1 || last > 200) throw badInput('last must be between 1 and 200.', 'last');
    const own = (await ctx.loaders.accessLog.load(child.id)).map((row) => row.entry);
    const merged = [...own, ...(child.educationAccessLog ?? []), ...(child.womensFederationAccessLog ?? [])].map((entry) => ({
      ...entry,
      at: new Date(entry.at),
    }));
    return merged.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, last);
  }
}
