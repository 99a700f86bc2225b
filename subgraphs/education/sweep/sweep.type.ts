import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../shared/scalars';

@ObjectType({ description: '排查: a pupil’s file re-checked in a term’s sweep.' })
export class FileCheck {
  @Field(() => ID, { description: 'Check id.' })
  id!: string;

  @Field(() => LocalDate, { description: 'When.' })
  checkedOn!: string;

  @Field({ description: 'Who checked.' })
  checkedBy!: string;

  @Field(() => String, { nullable: true, description: 'What changed or needs following up (guardian, parents’ whereabouts, home visit made…).' })
  findings!: string | null;
}

/** A school's progress in a term's sweep. */
export interface SchoolSweepRow {
  /** The school's id (the list's cursor). */
  id: string;
  termYear: number;
  termSeason: string;
  filesDue: number;
  filesChecked: number;
  filesCheckedInWindow: number;
}

@ObjectType({
  description:
    'A school’s term sweep: within a week of term start (March, September) every file of a left-behind or difficult-circumstance pupil is re-checked (seed 004). ' +
    'Counts only, among the pupils as they stand today.',
})
export class SchoolSweep {
  @Field(() => Int, { description: 'Files to check: the school’s current pupils the care rules cover.' })
  filesDue!: number;

  @Field(() => Int, { description: 'Of those, files checked in the term.' })
  filesChecked!: number;

  @Field(() => Int, { description: 'Of those, files checked within the sweep’s week.' })
  filesCheckedInWindow!: number;
}
