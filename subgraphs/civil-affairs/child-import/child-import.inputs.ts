import { Field, InputType } from 'type-graphql';
import { RegistrationFormRowFields } from '../../shared/registration-form.types';

@InputType({ description: 'One registration form (留守儿童基本情况登记表, seed 003 附件 1) for civil affairs to register directly, its cells as text.' })
export class ChildRegistrationFormRow extends RegistrationFormRowFields {}

@InputType({ description: 'Registration forms to register in bulk (a file of them, one row per child).' })
export class ImportChildrenInput {
  @Field(() => [ChildRegistrationFormRow], { description: 'The rows, each with its line in the file; 1 to 20,000.' })
  rows!: ChildRegistrationFormRow[];

  @Field({
    defaultValue: false,
    description: 'False (the default): nothing is written unless every row is valid. True: the valid rows are written and the others reported.',
  })
  onlyValidRows: boolean = false;
}
