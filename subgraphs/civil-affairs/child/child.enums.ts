import { registerEnumType } from 'type-graphql';

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
registerEnumType(Gender, { name: 'Gender', description: '性别, as on the national ID.' });

export enum ChildStatus {
  ACTIVE = 'ACTIVE',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(ChildStatus, {
  name: 'ChildStatus',
  description: 'Whether the file is in use. Files are archived with a reason, never deleted.',
  valuesConfig: {
    ACTIVE: { description: 'The child is in the registry’s care.' },
    ARCHIVED: { description: 'No longer qualifies (turned 16, parents returned, moved away); kept for supervisors.' },
  },
});

export enum LeftBehindType {
  NONE = 'NONE',
  ONE_PARENT_AWAY = 'ONE_PARENT_AWAY',
  BOTH_PARENTS_AWAY = 'BOTH_PARENTS_AWAY',
}
registerEnumType(LeftBehindType, {
  name: 'LeftBehindType',
  description: 'How many parents work away: outside the county for at least 3 consecutive months (外出务工).',
});

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

export enum GuardianCapacity {
  CAPABLE = 'CAPABLE',
  LIMITED = 'LIMITED',
  UNABLE = 'UNABLE',
}
registerEnumType(GuardianCapacity, {
  name: 'GuardianCapacity',
  description: 'Whether the entrusted guardian can look after the child (监护能力).',
  valuesConfig: {
    CAPABLE: { description: 'Able to guard the child.' },
    LIMITED: { description: 'Able only in part (age, health); needs support.' },
    UNABLE: { description: 'Unable: the parents must be told to re-entrust the child.' },
  },
});
