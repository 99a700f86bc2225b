import { registerEnumType } from 'type-graphql';

/**
 * The registry's enums that more than one agency's schema names: civil affairs records them, and
 * education's filing form (建档申报) collects them for civil affairs to review. Declared once, so the
 * composed enum cannot drift between the subgraphs.
 */

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
registerEnumType(Gender, { name: 'Gender', description: '性别, as on the national ID.' });

export enum GuardianshipForm {
  GRANDPARENTS = 'GRANDPARENTS',
  RELATIVES_OR_FRIENDS = 'RELATIVES_OR_FRIENDS',
  ONE_PARENT = 'ONE_PARENT',
  ALONE = 'ALONE',
  OTHER = 'OTHER',
}
registerEnumType(GuardianshipForm, {
  name: 'GuardianshipForm',
  description: '监护形式: who the child actually lives with.',
  valuesConfig: {
    GRANDPARENTS: { description: '祖辈监护: grandparents.' },
    RELATIVES_OR_FRIENDS: { description: '亲友监护: other relatives or friends.' },
    ONE_PARENT: { description: '父母一方监护: the parent who stayed.' },
    ALONE: { description: '无人监护/独居: the child lives alone. A high-risk flag.' },
    OTHER: { description: 'Any other arrangement.' },
  },
});
