import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { EducationContext } from '../context';
import { ProposeChildrenInput } from './proposal-import.inputs';
import { ProposalImportService } from './proposal-import.service';
import { RegistrationImportResult } from './proposal-import.type';

@Resolver()
export class ProposalImportResolver {
  private readonly service = new ProposalImportService();

  @Mutation(() => RegistrationImportResult, {
    description:
      'Proposes children for the registry in bulk (建档申报) from your school’s registration forms (留守儿童基本情况登记表, seed 003 附件 1), ' +
      'one proposal per row, each reviewed by civil affairs as proposeChild’s are. Every row is checked first (required fields, dates, ' +
      'GB/T 2260 and township codes, national ID) and each problem reported with its line; nothing is proposed unless every row is valid, or, ' +
      'with onlyValidRows, the valid rows are. A row repeating a proposal of the school changes nothing: while pending, by national ID or ' +
      '(without one) name, birth date and county of residence; once accepted, by name, gender and birth month of the child filed. So the ' +
      'same file proposed twice proposes each child once.',
  })
  proposeChildren(
    @Arg('input', () => ProposeChildrenInput, { description: 'The school, the rows and how to treat invalid ones.' }) input: ProposeChildrenInput,
    @Ctx() ctx: EducationContext,
  ): Promise<RegistrationImportResult> {
    return this.service.propose(ctx, input);
  }
}
