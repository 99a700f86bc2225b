import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { ChildRow } from '../child/child.entity';
import { Child } from '../child/child.type';
import type { CivilAffairsContext } from '../context';
import type { VerificationRow } from './verification.entity';
import { RecordGuardianshipVerificationInput } from './verification.inputs';
import { recordVerification } from './verification.service';
import { GuardianshipVerification } from './verification.type';

@Resolver(() => Child)
export class VerificationResolver {
  @Mutation(() => GuardianshipVerification, {
    description:
      'Records a verification visit to the child’s entrusted guardian. A finding other than the recorded capacity becomes a new guardianship version; ' +
      'UNABLE opens a re-entrustment notice, CAPABLE closes one. INVALID_STATE when no guardianship is recorded; a retry with the same idempotencyKey returns the first visit.',
  })
  recordGuardianshipVerification(
    @Arg('input', () => RecordGuardianshipVerificationInput, { description: 'The visit and what it found.' }) input: RecordGuardianshipVerificationInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'A client-chosen key that makes retries safe.' }) idempotencyKey: string | null,
    @Ctx() ctx: CivilAffairsContext,
  ): Promise<VerificationRow> {
    return recordVerification(ctx, input, idempotencyKey);
  }

  @FieldResolver(() => [GuardianshipVerification], {
    nullable: true,
    description: '委托照护核实: the verification visits to the child’s guardians, newest first.',
  })
  guardianshipVerifications(@Root() child: ChildRow, @Ctx() ctx: CivilAffairsContext): Promise<VerificationRow[]> {
    return ctx.loaders.verificationsByChildId.load(child.id);
  }
}
