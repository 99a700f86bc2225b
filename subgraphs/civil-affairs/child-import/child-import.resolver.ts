import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { CivilAffairsContext } from '../context';
import { ImportChildrenInput } from './child-import.inputs';
import type { ChildImportService } from './child-import.service';
import { RegistrationImportResult } from './child-import.type';

@Resolver()
export class ChildImportResolver {
  constructor(private readonly service: ChildImportService) {}

  @Mutation(() => RegistrationImportResult, {
    description:
      'Registers children in bulk from registration forms (留守儿童基本情况登记表, seed 003 附件 1), one row per child, within your ' +
      'jurisdiction. Every row is checked first (required fields, dates, GB/T 2260 and township codes, national ID, the reason to be ' +
      'registered) and each problem reported with its line; nothing is written unless every row is valid, or, with onlyValidRows, the ' +
      'valid rows are. A row matching a child already registered changes nothing: by national ID, or without one by name, birth date ' +
      'and township of residence among the children without an ID; so the same file imported twice registers each child once.',
  })
  importChildren(
    @Arg('input', () => ImportChildrenInput, { description: 'The rows and how to treat invalid ones.' }) input: ImportChildrenInput,
    @Ctx() ctx: CivilAffairsContext,
  ): Promise<RegistrationImportResult> {
    return this.service.import(ctx, input);
  }
}
