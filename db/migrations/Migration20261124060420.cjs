'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261124060420 extends Migration {

  async up() {
    this.addSql(`create type "prioritisation_method" as enum ('MATRIX', 'DOTS');`);
    this.addSql(`create type "assessment_status" as enum ('DRAFT', 'VOTING', 'CLOSED');`);
    this.addSql(`create type "participant_group" as enum ('RESIDENT', 'INFORMANT', 'TRUSTED_PERSON', 'YOUTH', 'WOMEN', 'OFFICIAL');`);
    this.addSql(`create type "need_category" as enum ('ADDICTION', 'FAMILY_CONFLICT', 'DOMESTIC_VIOLENCE', 'CHILD_PROTECTION', 'STREET_WORKING_CHILDREN', 'SCHOOL_DROPOUT', 'EARLY_CHILDHOOD', 'WOMEN_AT_RISK', 'MENTAL_HEALTH_SUICIDE', 'RUNAWAY_YOUTH', 'LIFE_SKILLS', 'DISABILITY_SCREENING', 'LIVELIHOOD', 'UNSAFE_SPACES', 'SOCIAL_COHESION', 'OTHER');`);
    this.addSql(`create type "need_status" as enum ('PROPOSED', 'ACCEPTED', 'REJECTED');`);
    this.addSql(`create type "plan_status" as enum ('DRAFT', 'ACTIVE', 'COMPLETED', 'CANCELLED');`);
    this.addSql(`create type "task_status" as enum ('PLANNED', 'IN_PROGRESS', 'DONE', 'BLOCKED', 'CANCELLED');`);
    this.addSql(`create type "resource_kind" as enum ('CASH', 'IN_KIND', 'VOLUNTEER_HOURS');`);
    this.addSql(`create table "needs_assessment" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "neighbourhood_id" uuid not null, "organisation_id" uuid not null, "facilitator_id" uuid not null, "title" text not null, "held_from" date not null, "held_to" date null, "method" "prioritisation_method" not null, "criteria" jsonb not null, "dots_per_participant" smallint not null, "status" "assessment_status" not null default 'DRAFT', "code" text not null, "residents" int not null default 0, "informants" int not null default 0, "trusted_persons" int not null default 0, "youth" int not null default 0, "women" int not null default 0, "officials" int not null default 0, "frozen_ranking" jsonb null, "voting_opened_at" timestamptz null, "closed_at" timestamptz null, constraint "needs_assessment_pkey" primary key ("id"), constraint needs_assessment_dates_in_order check (held_to is null or held_to >= held_from));`);
    this.addSql(`create index "needs_assessment_neighbourhood_id_created_at_index" on "needs_assessment" ("neighbourhood_id", "created_at");`);

    this.addSql(`create table "assessment_named_participant" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "assessment_id" uuid not null, "name" text not null, "group" "participant_group" not null, constraint "assessment_named_participant_pkey" primary key ("id"));`);

    this.addSql(`create table "need" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "assessment_id" uuid not null, "position" int not null, "category" "need_category" not null, "title" text not null, "description" text not null, "evidence" text null, "status" "need_status" not null default 'ACCEPTED', "proposed_by_id" uuid not null, constraint "need_pkey" primary key ("id"));`);
    this.addSql(`create index "need_assessment_id_position_index" on "need" ("assessment_id", "position");`);

    this.addSql(`create table "need_score" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "need_id" uuid not null, "criterion_key" text not null, "score" smallint not null, constraint "need_score_pkey" primary key ("id"), constraint need_score_range check (score >= 0 and score <= 5));`);
    this.addSql(`alter table "need_score" add constraint "need_score_need_id_criterion_key_unique" unique ("need_id", "criterion_key");`);

    this.addSql(`create table "need_feature_link" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "need_id" uuid not null, "feature_id" uuid not null, constraint "need_feature_link_pkey" primary key ("id"));`);
    this.addSql(`alter table "need_feature_link" add constraint "need_feature_link_need_id_feature_id_unique" unique ("need_id", "feature_id");`);

    this.addSql(`create table "dot_ballot" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "assessment_id" uuid not null, "voter_id" uuid not null, constraint "dot_ballot_pkey" primary key ("id"));`);
    this.addSql(`alter table "dot_ballot" add constraint "dot_ballot_assessment_id_voter_id_unique" unique ("assessment_id", "voter_id");`);

    this.addSql(`create table "dot_allocation" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "ballot_id" uuid not null, "need_id" uuid not null, "dots" smallint not null, constraint "dot_allocation_pkey" primary key ("id"), constraint dot_allocation_positive check (dots >= 1));`);
    this.addSql(`alter table "dot_allocation" add constraint "dot_allocation_ballot_id_need_id_unique" unique ("ballot_id", "need_id");`);

    this.addSql(`create table "assessment_member" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "assessment_id" uuid not null, "user_id" uuid not null, constraint "assessment_member_pkey" primary key ("id"));`);
    this.addSql(`alter table "assessment_member" add constraint "assessment_member_assessment_id_user_id_unique" unique ("assessment_id", "user_id");`);

    this.addSql(`create table "action_plan" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "neighbourhood_id" uuid not null, "assessment_id" uuid null, "lead_organisation_id" uuid not null, "created_by_id" uuid not null, "title" text not null, "goal" text not null, "expected_results" text null, "indicators" jsonb not null, "status" "plan_status" not null default 'ACTIVE', constraint "action_plan_pkey" primary key ("id"));`);
    this.addSql(`create index "action_plan_neighbourhood_id_status_index" on "action_plan" ("neighbourhood_id", "status");`);

    this.addSql(`create table "plan_task" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "plan_id" uuid not null, "position" int not null, "title" text not null, "description" text null, "lead_organisation_id" uuid null, "start_on" date not null, "end_on" date not null, "status" "task_status" not null default 'PLANNED', "progress" smallint not null default 0, "budget_rials" bigint not null default '0', constraint "plan_task_pkey" primary key ("id"), constraint plan_task_budget_not_negative check (budget_rials >= 0), constraint plan_task_dates_in_order check (end_on >= start_on), constraint plan_task_progress_range check (progress >= 0 and progress <= 100));`);
    this.addSql(`create index "plan_task_status_end_on_index" on "plan_task" ("status", "end_on");`);
    this.addSql(`create index "plan_task_plan_id_position_index" on "plan_task" ("plan_id", "position");`);

    this.addSql(`create table "task_resource" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "task_id" uuid not null, "position" smallint not null, "kind" "resource_kind" not null, "amount_rials" bigint null, "item" text null, "quantity" int null, "unit" text null, "hours" int null, constraint "task_resource_pkey" primary key ("id"), constraint task_resource_positive check (coalesce(amount_rials, 1) > 0 and coalesce(quantity, 1) > 0 and coalesce(hours, 1) > 0));`);

    this.addSql(`create table "plan_update" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "plan_id" uuid not null, "task_id" uuid null, "author_id" uuid not null, "day" date not null, "text" text not null, constraint "plan_update_pkey" primary key ("id"));`);
    this.addSql(`create index "plan_update_plan_id_day_index" on "plan_update" ("plan_id", "day");`);

    this.addSql(`create table "plan_milestone" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "plan_id" uuid not null, "title" text not null, "due_on" date not null, "reached_on" date null, constraint "plan_milestone_pkey" primary key ("id"));`);

    this.addSql(`create table "action_plan_need" ("action_plan_id" uuid not null, "need_id" uuid not null, constraint "action_plan_need_pkey" primary key ("action_plan_id", "need_id"));`);

    this.addSql(`alter table "needs_assessment" add constraint "needs_assessment_neighbourhood_id_foreign" foreign key ("neighbourhood_id") references "neighbourhood" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "needs_assessment" add constraint "needs_assessment_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "needs_assessment" add constraint "needs_assessment_facilitator_id_foreign" foreign key ("facilitator_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "assessment_named_participant" add constraint "assessment_named_participant_assessment_id_foreign" foreign key ("assessment_id") references "needs_assessment" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "need" add constraint "need_assessment_id_foreign" foreign key ("assessment_id") references "needs_assessment" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "need" add constraint "need_proposed_by_id_foreign" foreign key ("proposed_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "need_score" add constraint "need_score_need_id_foreign" foreign key ("need_id") references "need" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "need_feature_link" add constraint "need_feature_link_need_id_foreign" foreign key ("need_id") references "need" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "need_feature_link" add constraint "need_feature_link_feature_id_foreign" foreign key ("feature_id") references "map_feature" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "dot_ballot" add constraint "dot_ballot_assessment_id_foreign" foreign key ("assessment_id") references "needs_assessment" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "dot_ballot" add constraint "dot_ballot_voter_id_foreign" foreign key ("voter_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "dot_allocation" add constraint "dot_allocation_ballot_id_foreign" foreign key ("ballot_id") references "dot_ballot" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "dot_allocation" add constraint "dot_allocation_need_id_foreign" foreign key ("need_id") references "need" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "assessment_member" add constraint "assessment_member_assessment_id_foreign" foreign key ("assessment_id") references "needs_assessment" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "assessment_member" add constraint "assessment_member_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "action_plan" add constraint "action_plan_neighbourhood_id_foreign" foreign key ("neighbourhood_id") references "neighbourhood" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "action_plan" add constraint "action_plan_assessment_id_foreign" foreign key ("assessment_id") references "needs_assessment" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "action_plan" add constraint "action_plan_lead_organisation_id_foreign" foreign key ("lead_organisation_id") references "organisation" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "action_plan" add constraint "action_plan_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "plan_task" add constraint "plan_task_plan_id_foreign" foreign key ("plan_id") references "action_plan" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "plan_task" add constraint "plan_task_lead_organisation_id_foreign" foreign key ("lead_organisation_id") references "organisation" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "task_resource" add constraint "task_resource_task_id_foreign" foreign key ("task_id") references "plan_task" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "plan_update" add constraint "plan_update_plan_id_foreign" foreign key ("plan_id") references "action_plan" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "plan_update" add constraint "plan_update_task_id_foreign" foreign key ("task_id") references "plan_task" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "plan_update" add constraint "plan_update_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "plan_milestone" add constraint "plan_milestone_plan_id_foreign" foreign key ("plan_id") references "action_plan" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "action_plan_need" add constraint "action_plan_need_action_plan_id_foreign" foreign key ("action_plan_id") references "action_plan" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "action_plan_need" add constraint "action_plan_need_need_id_foreign" foreign key ("need_id") references "need" ("id") on update cascade on delete cascade;`);
  }

  async down() {
    this.addSql(`alter table "assessment_named_participant" drop constraint "assessment_named_participant_assessment_id_foreign";`);

    this.addSql(`alter table "need" drop constraint "need_assessment_id_foreign";`);

    this.addSql(`alter table "dot_ballot" drop constraint "dot_ballot_assessment_id_foreign";`);

    this.addSql(`alter table "assessment_member" drop constraint "assessment_member_assessment_id_foreign";`);

    this.addSql(`alter table "action_plan" drop constraint "action_plan_assessment_id_foreign";`);

    this.addSql(`alter table "need_score" drop constraint "need_score_need_id_foreign";`);

    this.addSql(`alter table "need_feature_link" drop constraint "need_feature_link_need_id_foreign";`);

    this.addSql(`alter table "dot_allocation" drop constraint "dot_allocation_need_id_foreign";`);

    this.addSql(`alter table "action_plan_need" drop constraint "action_plan_need_need_id_foreign";`);

    this.addSql(`alter table "dot_allocation" drop constraint "dot_allocation_ballot_id_foreign";`);

    this.addSql(`alter table "plan_task" drop constraint "plan_task_plan_id_foreign";`);

    this.addSql(`alter table "plan_update" drop constraint "plan_update_plan_id_foreign";`);

    this.addSql(`alter table "plan_milestone" drop constraint "plan_milestone_plan_id_foreign";`);

    this.addSql(`alter table "action_plan_need" drop constraint "action_plan_need_action_plan_id_foreign";`);

    this.addSql(`alter table "task_resource" drop constraint "task_resource_task_id_foreign";`);

    this.addSql(`alter table "plan_update" drop constraint "plan_update_task_id_foreign";`);

    this.addSql(`drop table if exists "needs_assessment" cascade;`);

    this.addSql(`drop table if exists "assessment_named_participant" cascade;`);

    this.addSql(`drop table if exists "need" cascade;`);

    this.addSql(`drop table if exists "need_score" cascade;`);

    this.addSql(`drop table if exists "need_feature_link" cascade;`);

    this.addSql(`drop table if exists "dot_ballot" cascade;`);

    this.addSql(`drop table if exists "dot_allocation" cascade;`);

    this.addSql(`drop table if exists "assessment_member" cascade;`);

    this.addSql(`drop table if exists "action_plan" cascade;`);

    this.addSql(`drop table if exists "plan_task" cascade;`);

    this.addSql(`drop table if exists "task_resource" cascade;`);

    this.addSql(`drop table if exists "plan_update" cascade;`);

    this.addSql(`drop table if exists "plan_milestone" cascade;`);

    this.addSql(`drop table if exists "action_plan_need" cascade;`);

    this.addSql(`drop type "prioritisation_method";`);
    this.addSql(`drop type "assessment_status";`);
    this.addSql(`drop type "participant_group";`);
    this.addSql(`drop type "need_category";`);
    this.addSql(`drop type "need_status";`);
    this.addSql(`drop type "plan_status";`);
    this.addSql(`drop type "task_status";`);
    this.addSql(`drop type "resource_kind";`);
  }

}
exports.Migration20261124060420 = Migration20261124060420;
