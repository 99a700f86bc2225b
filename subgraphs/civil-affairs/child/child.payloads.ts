import { Field, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../shared/pagination';
import { Child } from './child.type';

export const ChildConnection = ConnectionType(Child, 'Child', 'A page of children from the registry.');

@ObjectType({ description: 'The outcome of registering a child.' })
export class RegisterChildPayload {
  @Field(() => Child, { description: 'The registered child: the new one, or the one already holding that national ID.' })
  child!: Child;

  @Field({ description: 'True when the child was already registered (same national ID, or a retried request) and nothing new was created.' })
  alreadyRegistered!: boolean;
}
