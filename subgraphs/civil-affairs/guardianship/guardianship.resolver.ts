import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { DomainError, ErrorCode, notFound } from '../../../platform/errors';
import { optionalPhone, optionalText, uuid } from '../../shared/validation';
import type { ChildRow } from '../child/child.entity';
import { Child } from '../child/child.type';
import type { CivilAffairsContext } from '../context';
import { GuardianshipRow } from './guardianship.entity';
import { GuardianshipInput } from './guardianship.input';
import { lockGuardianship, toGuardianship } from './guardianship.repository';
import { Guardianship } from './guardianship.type';

@Resolver(() => Child)
export class GuardianshipResolver {
  @FieldResolver(() => Guardianship, { nullable: true, description: 'Who looks after the child; null until recorded.' })
  async guardianship(@Root() child: ChildRow, @Ctx() ctx: CivilAffairsContext) {
    const row = await ctx.loaders.guardianshipByChildId.load(child.id);
    return row ? toGuardianship(row) : null;
  }

  @Mutation(() => Guardianship, {
    description:
      'Records the child’s guardianship, replacing the previous one. Pass the version you read as expectedVersion (omit it only for the first record); a stale one is a VERSION_CONFLICT.',
  })
  async recordGuardianship(
    @Arg('childId', () => ID, { description: 'Registry id of the child.' }) childId: string,
    @Arg('input', () => GuardianshipInput, { description: 'The guardianship as found.' }) input: GuardianshipInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version you read; omit for the first record.' }) expectedVersion: number | null,
    @Ctx() ctx: CivilAffairsContext,
  ): Promise<Guardianship> {
    const id = uuid(childId, 'childId');
    const fields = {
      form: input.form,
      guardianName: optionalText(input.guardianName, 'guardianName', 50),
      guardianRelationship: optionalText(input.guardianRelationship, 'guardianRelationship', 30),
      guardianPhone: optionalPhone(input.guardianPhone, 'guardianPhone'),
      guardianAddress: optionalText(input.guardianAddress, 'guardianAddress', 200),
      guardianCapacity: input.guardianCapacity ?? null,
      recordedBy: ctx.principal.sub,
    };
    const conflict = (currentVersion: number | null, message: string) =>
      new DomainError(ErrorCode.VERSION_CONFLICT, message, { currentVersion });
    const saved = await ctx.db.transaction(async (em) => {
      if (!(await ctx.loaders.childById.load(id))) throw notFound('Child', id);
      const current = await lockGuardianship(em, id);
      if ((current?.version ?? null) !== (expectedVersion ?? null)) {
        throw conflict(
          current?.version ?? null,
          current
            ? 'The guardianship was changed since you read it (or you did not pass expectedVersion). Read it again and retry.'
            : 'No guardianship is recorded yet: omit expectedVersion.',
        );
      }
      const repository = em.getRepository(GuardianshipRow);
      if (current) {
        await repository.update({ childId: id }, { ...fields, version: current.version + 1, recordedAt: new Date() });
      } else {
        await repository.insert({ childId: id, ...fields, version: 1, recordedAt: new Date() });
      }
      return repository.findOneByOrFail({ childId: id });
    }).catch((err: unknown) => {
      // Two first records racing: the primary key lets one through, the other must re-read.
      if ((err as { code?: string }).code === '23505') throw conflict(1, 'Someone else recorded a guardianship at the same moment. Read it and retry.');
      throw err;
    });
    return toGuardianship(saved);
  }
}
