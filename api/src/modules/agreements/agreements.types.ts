import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DocumentKind } from '../documents/documents.entity.js';
import { DocumentType } from '../documents/documents.types.js';
import { NamedType } from '../geography/geography.types.js';
import { AgreementAction, AgreementState } from './agreements.machine.js';

@ObjectType('OrganisationRef')
export class OrganisationRefType extends NamedType {}

@ObjectType('AgreementNeighbourhood')
export class AgreementNeighbourhoodType extends NamedType {}

@ObjectType('Commitment', { description: 'One of the six commitments of seed 001 section 4' })
export class CommitmentType {
  @Field(() => Int)
  number!: number;

  @Field(() => String)
  textFa!: string;

  @Field(() => String)
  textEn!: string;
}

export enum ChecklistItem {
  LICENCE_SCAN = 'LICENCE_SCAN',
  RESUME = 'RESUME',
  STAFF_LIST = 'STAFF_LIST',
  VALID_LICENCE = 'VALID_LICENCE',
  NEIGHBOURHOODS = 'NEIGHBOURHOODS',
}
registerEnumType(ChecklistItem, {
  name: 'ChecklistItem',
  description:
    'What submitting needs: the three documents of seed 001, an establishment or activity licence valid today, and at least one neighbourhood',
});

@ObjectType('ChecklistEntry')
export class ChecklistEntryType {
  @Field(() => ChecklistItem)
  item!: ChecklistItem;

  @Field(() => Boolean)
  done!: boolean;
}

@ObjectType('AgreementHistoryEntry')
export class AgreementHistoryEntryType {
  @Field(() => ID)
  id!: string;

  @Field(() => AgreementAction)
  action!: AgreementAction;

  @Field(() => AgreementState)
  fromState!: AgreementState;

  @Field(() => AgreementState)
  toState!: AgreementState;

  @Field(() => String, { description: 'Display name of who acted' })
  actor!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

@ObjectType('BaseAgreement', { description: 'An NGO’s annual agreement to run a social-health base (seed 001)' })
export class BaseAgreementType {
  @Field(() => ID)
  id!: string;

  @Field(() => OrganisationRefType)
  organisation!: OrganisationRefType;

  @Field(() => Int, { description: 'Jalali year' })
  year!: number;

  @Field(() => String, { description: 'Nowruz of the year (ISO day)' })
  startsOn!: string;

  @Field(() => String, { description: 'Last day of Esfand (ISO day)' })
  endsOn!: string;

  @Field(() => AgreementState)
  state!: AgreementState;

  @Field(() => [AgreementNeighbourhoodType])
  neighbourhoods!: AgreementNeighbourhoodType[];

  @Field(() => String, { nullable: true, description: 'Whole rials as a decimal string' })
  requestedFundingRials!: string | null;

  @Field(() => String, { nullable: true, description: 'Whole rials, set on approval' })
  fundingRials!: string | null;

  @Field(() => String, { nullable: true })
  signedOn!: string | null;

  @Field(() => [CommitmentType], { description: 'Attached on approval' })
  commitments!: CommitmentType[];

  @Field(() => ID, { nullable: true, description: 'The agreement this one renews' })
  previousId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The next year’s agreement made by renewing this one' })
  nextId!: string | null;

  @Field(() => String, { nullable: true })
  reviewComment!: string | null;

  @Field(() => String, { nullable: true })
  decisionNote!: string | null;

  @Field(() => String, { nullable: true })
  noticeOn!: string | null;

  @Field(() => String, { nullable: true })
  endsEarlyOn!: string | null;

  @Field(() => String, { nullable: true })
  terminationReason!: string | null;

  @Field(() => [DocumentType])
  documents!: DocumentType[];

  @Field(() => [ChecklistEntryType])
  checklist!: ChecklistEntryType[];

  @Field(() => [AgreementHistoryEntryType])
  history!: AgreementHistoryEntryType[];

  @Field(() => [AgreementAction], { description: 'What the viewer may do next' })
  actions!: AgreementAction[];

  @Field(() => Boolean, { description: 'Whether the viewer may edit the draft and its documents' })
  canEditDraft!: boolean;

  @Field(() => String, { nullable: true, description: 'Day of the latest supervision visit' })
  lastVisitOn!: string | null;

  @Field(() => Boolean, { description: 'Running with no supervision visit in the last six months' })
  visitOverdue!: boolean;

  @Field(() => String)
  createdBy!: string;

  @Field(() => Date)
  createdAt!: Date;

  /** For record-level rules; not GraphQL fields. */
  organisationId!: string;
  countyId!: string;
}

export const requiredDocumentKinds = [DocumentKind.LICENCE_SCAN, DocumentKind.RESUME, DocumentKind.STAFF_LIST] as const;
