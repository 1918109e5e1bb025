import { Collection, Entity, Enum, ManyToMany, ManyToOne, Property } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { NamedEntity } from '../../db/base.entity.js';
import { County, Neighbourhood } from '../geography/geography.entity.js';

export enum OrganisationType {
  NGO = 'ngo',
  CBO = 'cbo',
  SOCIAL_HEALTH_BASE = 'social_health_base',
  SOCIAL_WORK_CLINIC = 'social_work_clinic',
  CHARITY = 'charity',
  WELFARE_COMPLEX = 'welfare_complex',
  MOSBAT_ZENDEGI_CENTRE = 'mosbat_zendegi_centre',
  DROP_IN_CENTRE = 'drop_in_centre',
  HUB_ASSOCIATION = 'hub_association',
}

registerEnumType(OrganisationType, { name: 'OrganisationType' });

@Entity({ tableName: 'organisation' })
export class Organisation extends NamedEntity {
  @Enum({ items: () => OrganisationType, nativeEnumName: 'organisation_type' })
  type!: OrganisationType;

  /** Clinics are graded 1-3 by the welfare office; null means ungraded or not a clinic. */
  @Property({ type: 'smallint', nullable: true })
  clinicGrade?: number | null;

  /** Members of the hub association operate under it (seed 000, article 6). */
  @ManyToOne(() => Organisation, { nullable: true, deleteRule: 'set null' })
  parent?: Organisation | null;

  /** The county whose office the organisation answers to. */
  @ManyToOne(() => County, { deleteRule: 'restrict' })
  county!: County;

  @ManyToMany({ entity: () => Neighbourhood, pivotTable: 'organisation_neighbourhood' })
  neighbourhoods = new Collection<Neighbourhood>(this);

  @Property({ type: 'text', nullable: true })
  phone?: string | null;

  @Property({ type: 'text', nullable: true })
  email?: string | null;

  @Property({ type: 'text', nullable: true })
  address?: string | null;
}
