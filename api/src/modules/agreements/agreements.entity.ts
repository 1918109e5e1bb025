import { Check, Collection, Entity, Enum, Index, ManyToMany, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity.js';
import { User } from '../accounts/accounts.entity.js';
import { StoredDocument } from '../documents/documents.entity.js';
import { Neighbourhood } from '../geography/geography.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { AgreementAction, AgreementState } from './agreements.machine.js';

/**
 * An NGO's annual agreement to run a social-health base (seed 001): one Jalali year, for named
 * neighbourhoods, with the six commitments of section 4 attached when it is approved.
 */
@Entity({ tableName: 'base_agreement' })
@Unique({ properties: ['organisation', 'year'] })
@Index({ properties: ['state'] })
@Check({
  name: 'base_agreement_funding_positive',
  expression: 'coalesce(funding_rials, 1) > 0 and coalesce(requested_funding_rials, 1) > 0',
})
@Check({
  name: 'base_agreement_notice_before_end',
  expression: 'notice_on is null or ends_early_on is null or notice_on <= ends_early_on',
})
export class BaseAgreement extends BaseEntity<
  | 'state'
  | 'requestedFundingRials'
  | 'fundingRials'
  | 'signedOn'
  | 'commitments'
  | 'previous'
  | 'reviewComment'
  | 'decisionNote'
  | 'noticeOn'
  | 'endsEarlyOn'
  | 'terminationReason'
> {
  @ManyToOne(() => Organisation, { deleteRule: 'restrict' })
  organisation!: Organisation;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  createdBy!: User;

  /** The Jalali year it covers, Nowruz to the end of Esfand. */
  @Property({ type: 'smallint' })
  year!: number;

  @Enum({ items: () => AgreementState, nativeEnumName: 'agreement_state' })
  state: AgreementState = AgreementState.DRAFT;

  @ManyToMany({ entity: () => Neighbourhood, pivotTable: 'base_agreement_neighbourhood' })
  neighbourhoods = new Collection<Neighbourhood>(this);

  @ManyToMany({ entity: () => StoredDocument, pivotTable: 'base_agreement_document' })
  documents = new Collection<StoredDocument>(this);

  /** What the organisation asks for; the supervisor sets `fundingRials` when approving. */
  @Property({ type: 'bigint', columnType: 'bigint', nullable: true })
  requestedFundingRials?: string | null;

  @Property({ type: 'bigint', columnType: 'bigint', nullable: true })
  fundingRials?: string | null;

  @Property({ type: 'date', nullable: true })
  signedOn?: string | null;

  /** Commitment numbers 1-6 of seed 001 section 4, attached on approval. */
  @Property({ type: 'json' })
  commitments: number[] = [];

  /** The agreement this one renews. */
  @ManyToOne(() => BaseAgreement, { nullable: true, deleteRule: 'set null', unique: true })
  previous?: BaseAgreement | null;

  /** The supervisor's comment when an application is returned. */
  @Property({ type: 'text', nullable: true })
  reviewComment?: string | null;

  /** The deputy's note on the year-end decision. */
  @Property({ type: 'text', nullable: true })
  decisionNote?: string | null;

  @Property({ type: 'date', nullable: true })
  noticeOn?: string | null;

  @Property({ type: 'date', nullable: true })
  endsEarlyOn?: string | null;

  @Property({ type: 'text', nullable: true })
  terminationReason?: string | null;
}

/** One row per transition: who moved the agreement, when, from where to where, and why. */
@Entity({ tableName: 'agreement_history' })
@Index({ properties: ['agreement', 'at'] })
export class AgreementHistory extends BaseEntity<'note' | 'at'> {
  @ManyToOne(() => BaseAgreement, { deleteRule: 'cascade' })
  agreement!: BaseAgreement;

  @Enum({ items: () => AgreementAction, nativeEnumName: 'agreement_action' })
  action!: AgreementAction;

  @Enum({ items: () => AgreementState, nativeEnumName: 'agreement_state' })
  fromState!: AgreementState;

  @Enum({ items: () => AgreementState, nativeEnumName: 'agreement_state' })
  toState!: AgreementState;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  actor!: User;

  @Property({ type: 'timestamptz' })
  at: Date = new Date();

  @Property({ type: 'text', nullable: true })
  note?: string | null;
}
