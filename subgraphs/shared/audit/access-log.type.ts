import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';

export enum AccessAction {
  READ = 'READ',
  WRITE = 'WRITE',
}
registerEnumType(AccessAction, {
  name: 'AccessAction',
  description: 'Whether the request read or wrote the child’s data.',
  valuesConfig: { READ: { description: 'Read.' }, WRITE: { description: 'Wrote (registered, changed, enrolled, paired…).' } },
});

@Directive('@shareable')
@ObjectType({ description: '访问记录: one request’s access to one child’s data in one agency, from that agency’s hash-chained access log.' })
export class AccessLogEntry {
  @Field(() => Date, { description: 'When.' })
  at!: Date;

  @Field({ description: 'The agency whose data was accessed: civil-affairs, education or womens-federation.' })
  agency!: string;

  @Field({ description: 'Who: the user id from the token.' })
  actor!: string;

  @Field({ description: 'For which agency or partner organisation the user acted.' })
  org!: string;

  @Field(() => String, { nullable: true, description: 'The purpose the request stated.' })
  purpose!: string | null;

  @Field({ description: 'The request id, the same in every agency the request reached.' })
  requestId!: string;

  @Field(() => AccessAction, { description: 'Read or write.' })
  action!: AccessAction;

  @Field(() => [String], { description: 'The data categories (scopes) accessed.' })
  categories!: string[];
}
