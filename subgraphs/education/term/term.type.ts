import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum TermSeason {
  SPRING = 'SPRING',
  AUTUMN = 'AUTUMN',
}
registerEnumType(TermSeason, {
  name: 'TermSeason',
  description: 'The two terms of the school year.',
  valuesConfig: {
    SPRING: { description: '春季学期: from March to August.' },
    AUTUMN: { description: '秋季学期: from September to the following February.' },
  },
});

@ObjectType({ description: '学期: a school term, named by the calendar year it starts in.' })
export class Term {
  @Field(() => Int, { description: 'The calendar year the term starts in.' })
  year!: number;

  @Field(() => TermSeason, { description: 'Spring or autumn.' })
  season!: TermSeason;
}
