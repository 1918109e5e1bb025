import { GraphQLJSON } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { ConnectionType, PageArgs } from '../../server/pagination.js';

@ObjectType('AuditEntry', { description: 'One mutation, as recorded in its own transaction' })
export class AuditEntryType {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => ID, { nullable: true })
  actorId!: string | null;

  @Field(() => String)
  operation!: string;

  @Field(() => String)
  entityType!: string;

  @Field(() => String, { nullable: true })
  entityId!: string | null;

  @Field(() => GraphQLJSON, { description: 'Changed fields { field: { from, to } }, sensitive values redacted' })
  diff!: Record<string, unknown>;
}

@InputType()
export class AuditLogFilter {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  entityType?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  entityId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  actorId?: string | null;

  @Field(() => Date, { nullable: true, description: 'From this instant (inclusive)' })
  @IsOptional()
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Up to this instant (exclusive)' })
  @IsOptional()
  to?: Date | null;
}

@ArgsType()
export class AuditLogArgs extends PageArgs {
  @Field(() => AuditLogFilter, { nullable: true })
  @IsOptional()
  filter?: AuditLogFilter | null;
}

export const AuditEntryConnection = ConnectionType('AuditEntry', AuditEntryType);
