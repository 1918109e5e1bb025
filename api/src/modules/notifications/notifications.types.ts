import { Field, ID, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../server/pagination.js';
import { NotificationKind } from './notifications.entity.js';

@ObjectType('NotificationParam')
export class NotificationParamType {
  @Field(() => String)
  key!: string;

  @Field(() => String)
  value!: string;
}

@ObjectType('Notification', { description: 'A notice in the portal; the portal words it from kind and params' })
export class NotificationType {
  @Field(() => ID)
  id!: string;

  @Field(() => NotificationKind)
  kind!: NotificationKind;

  @Field(() => String)
  subjectType!: string;

  @Field(() => ID)
  subjectId!: string;

  @Field(() => [NotificationParamType])
  params!: NotificationParamType[];

  @Field(() => Boolean)
  read!: boolean;

  @Field(() => Date)
  createdAt!: Date;
}

export const NotificationConnection = ConnectionType('Notification', NotificationType);
