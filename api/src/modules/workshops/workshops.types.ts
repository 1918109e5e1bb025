import { Field, ID, Int, ObjectType } from 'type-graphql';
import { NeighbourhoodType } from '../geography/geography.types.js';
import { WorkshopStatus } from './workshop.entity.js';

@ObjectType('Workshop', {
  description: 'A live co-mapping meeting; shown to its facilitator, moderators and participants',
})
export class WorkshopType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  neighbourhoodId!: string;

  /** Resolved by WorkshopsResolver from neighbourhoodId. */
  @Field(() => NeighbourhoodType)
  neighbourhood?: NeighbourhoodType;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'Six digits residents type to join' })
  code!: string;

  @Field(() => WorkshopStatus)
  status!: WorkshopStatus;

  @Field(() => String)
  facilitatorName!: string;

  @Field(() => Int)
  participantCount!: number;

  @Field(() => Boolean)
  isFacilitator!: boolean;

  @Field(() => Date)
  openedAt!: Date;
}
