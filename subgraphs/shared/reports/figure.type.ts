import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { DateTimeISO, LocalDate } from '../scalars';

/*
 * The value types of every report. Three subgraphs return them (civil affairs', education's and the
 * women's federation's figures), so they are `@shareable` (Federation 2: a field resolved by more
 * than one subgraph must be shareable in each) and declared once here, so they cannot drift.
 */

@Directive('@shareable')
@ObjectType({
  description:
    'A count in a report. Counts under the suppression threshold (default 5) are withheld (`value` null, `suppressed` true), and so are ' +
    'enough others that no withheld count can be worked out by subtracting published ones (a total minus its other categories, a region ' +
    'minus its other subregions).',
})
export class Count {
  @Field(() => Int, { nullable: true, description: 'The number of children; null when withheld.' })
  value!: number | null;

  @Field({ description: 'Whether the count is withheld (小数抑制) to protect the children it would single out.' })
  suppressed!: boolean;
}

@Directive('@shareable')
@ObjectType({
  description:
    'One category of a breakdown and its count; a breakdown’s categories add up to the total its field names (e.g. `registered`), unless its description says they overlap.',
})
export class CategoryCount {
  @Field({ description: 'The category: an enum value of the breakdown’s field (e.g. `MALE`, `GRANDPARENTS`, `AGE_6_11`); `NONE` where nothing is recorded.' })
  category!: string;

  @Field(() => Count, { description: 'Children in the category.' })
  count!: Count;
}

@Directive('@shareable')
@ObjectType({ description: 'A rate with its numerator and denominator; null when either is withheld.' })
export class Rate {
  @Field(() => Count, { description: 'Numerator.' })
  numerator!: Count;

  @Field(() => Count, { description: 'Denominator.' })
  denominator!: Count;

  @Field(() => Float, {
    nullable: true,
    description:
      'numerator / denominator: a share from 0 to 1 (or a number per child, where the field says so); null when either is withheld or the denominator is 0.',
  })
  value!: number | null;
}

/**
 * What every recorded figure table says of itself (DESIGN 5): the day it describes, when that day
 * was counted, and the suppression threshold. Each agency's figure type extends it; no field
 * returns this type, so it stays out of the schema.
 */
@ObjectType({ description: 'What every recorded figure table says of itself; never returned as such (each agency returns its own type).' })
export abstract class RecordedFigures {
  @Field(() => LocalDate, { description: 'The day the figures describe: today, or the past day asked for.' })
  asOf!: string;

  @Field(() => DateTimeISO, {
    description: 'When the figures were counted: the day’s latest recording (at the service’s start, then every REPORT_RECORD_MINUTES).',
  })
  recordedAt!: Date;

  @Field(() => Int, { description: 'Counts under this are withheld.' })
  threshold!: number;
}
