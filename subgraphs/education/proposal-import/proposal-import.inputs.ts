import { Field, ID, InputType } from 'type-graphql';
import { RegistrationFormRowFields } from '../../shared/registration-form.types';

@InputType({ description: 'One registration form (留守儿童基本情况登记表, seed 003 附件 1) a school proposes for filing, its cells as text.' })
export class ProposalFormRow extends RegistrationFormRowFields {}

@InputType({ description: 'A school’s registration forms to propose in bulk (建档申报; a file of them, one row per child).' })
export class ProposeChildrenInput {
  @Field(() => ID, { description: 'The proposing school (one you work at).' })
  schoolId!: string;

  @Field(() => [ProposalFormRow], { description: 'The rows, each with its line in the file; 1 to 20,000.' })
  rows!: ProposalFormRow[];

  @Field({
    defaultValue: false,
    description: 'False (the default): nothing is proposed unless every row is valid. True: the valid rows are proposed and the others reported.',
  })
  onlyValidRows: boolean = false;
}
