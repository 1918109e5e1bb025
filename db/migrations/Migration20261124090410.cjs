'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261124090410 extends Migration {

  async up() {
    this.addSql(`create type "document_kind" as enum ('LICENCE_SCAN', 'RESUME', 'STAFF_LIST', 'REPORT_ANNEX', 'OTHER');`);
    this.addSql(`create type "licence_kind" as enum ('IN_PRINCIPLE_APPROVAL', 'ESTABLISHMENT', 'ACTIVITY', 'TECHNICAL_MANAGER');`);
    this.addSql(`create type "agreement_state" as enum ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'APPROVED', 'ACTIVE', 'YEAR_END_REVIEW', 'RENEWED', 'NOT_RENEWED', 'TERMINATED');`);
    this.addSql(`create type "report_state" as enum ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED');`);
    this.addSql(`create type "complaint_status" as enum ('OPEN', 'IN_PROGRESS', 'CLOSED');`);
    this.addSql(`create type "agreement_action" as enum ('SUBMIT', 'START_REVIEW', 'RETURN', 'APPROVE', 'ACTIVATE', 'BEGIN_YEAR_END_REVIEW', 'RENEW', 'DECLINE_RENEWAL', 'TERMINATE');`);
    this.addSql(`create table "stored_document" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organisation_id" uuid not null, "kind" "document_kind" not null, "file_name" text not null, "content_type" text not null, "size_bytes" int not null, "sha256" text not null, "storage_key" text not null, "uploaded_by_id" uuid not null, constraint "stored_document_pkey" primary key ("id"));`);
    this.addSql(`alter table "stored_document" add constraint "stored_document_storage_key_unique" unique ("storage_key");`);
    this.addSql(`create index "stored_document_organisation_id_kind_index" on "stored_document" ("organisation_id", "kind");`);

    this.addSql(`create table "licence" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organisation_id" uuid not null, "kind" "licence_kind" not null, "number" text not null, "issuer" text not null, "issued_on" date not null, "expires_on" date null, "document_id" uuid null, constraint "licence_pkey" primary key ("id"), constraint licence_dates_ordered check (expires_on is null or expires_on >= issued_on));`);
    this.addSql(`create index "licence_expires_on_index" on "licence" ("expires_on");`);

    this.addSql(`create table "base_agreement" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organisation_id" uuid not null, "created_by_id" uuid not null, "year" smallint not null, "state" "agreement_state" not null default 'DRAFT', "requested_funding_rials" bigint null, "funding_rials" bigint null, "signed_on" date null, "commitments" jsonb not null, "previous_id" uuid null, "review_comment" text null, "decision_note" text null, "notice_on" date null, "ends_early_on" date null, "termination_reason" text null, constraint "base_agreement_pkey" primary key ("id"), constraint base_agreement_notice_before_end check (notice_on is null or ends_early_on is null or notice_on <= ends_early_on), constraint base_agreement_funding_positive check (coalesce(funding_rials, 1) > 0 and coalesce(requested_funding_rials, 1) > 0));`);
    this.addSql(`alter table "base_agreement" add constraint "base_agreement_previous_id_unique" unique ("previous_id");`);
    this.addSql(`create index "base_agreement_state_index" on "base_agreement" ("state");`);
    this.addSql(`alter table "base_agreement" add constraint "base_agreement_organisation_id_year_unique" unique ("organisation_id", "year");`);

    this.addSql(`create table "supervision_visit" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "agreement_id" uuid not null, "visited_on" date not null, "supervisor_id" uuid not null, "findings" text not null, "recommendations" text null, "follow_up_due_on" date null, "follow_up_done_on" date null, constraint "supervision_visit_pkey" primary key ("id"));`);
    this.addSql(`create index "supervision_visit_agreement_id_visited_on_index" on "supervision_visit" ("agreement_id", "visited_on");`);

    this.addSql(`create table "quarterly_report" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "agreement_id" uuid not null, "quarter" smallint not null, "state" "report_state" not null default 'DRAFT', "platform" jsonb not null, "prefilled_at" timestamptz not null, "interviews" int not null default 0, "home_visits" int not null default 0, "individual_employment" int not null default 0, "group_employment" int not null default 0, "job_placements" int not null default 0, "helper_groups_formed" int not null default 0, "group_sessions" int not null default 0, "trainings_held" int not null default 0, "clients_exited" int not null default 0, "narrative" text null, "review_comment" text null, "submitted_at" timestamptz null, "submitted_by_id" uuid null, "reviewed_at" timestamptz null, "reviewed_by_id" uuid null, constraint "quarterly_report_pkey" primary key ("id"), constraint quarterly_report_counts_non_negative check (interviews >= 0 and home_visits >= 0 and individual_employment >= 0 and group_employment >= 0 and job_placements >= 0 and helper_groups_formed >= 0 and group_sessions >= 0 and trainings_held >= 0 and clients_exited >= 0), constraint quarterly_report_quarter check (quarter >= 1 and quarter <= 4));`);
    this.addSql(`alter table "quarterly_report" add constraint "quarterly_report_agreement_id_quarter_unique" unique ("agreement_id", "quarter");`);

    this.addSql(`create table "complaint" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "agreement_id" uuid not null, "received_on" date not null, "complainant_name" text null, "complainant_contact" text null, "subject" text not null, "details" text not null, "status" "complaint_status" not null default 'OPEN', "resolution" text null, "closed_on" date null, "referred_to_article26" boolean not null default false, "recorded_by_id" uuid not null, constraint "complaint_pkey" primary key ("id"));`);
    this.addSql(`create index "complaint_agreement_id_status_index" on "complaint" ("agreement_id", "status");`);

    this.addSql(`create table "base_agreement_neighbourhood" ("base_agreement_id" uuid not null, "neighbourhood_id" uuid not null, constraint "base_agreement_neighbourhood_pkey" primary key ("base_agreement_id", "neighbourhood_id"));`);

    this.addSql(`create table "base_agreement_document" ("base_agreement_id" uuid not null, "stored_document_id" uuid not null, constraint "base_agreement_document_pkey" primary key ("base_agreement_id", "stored_document_id"));`);

    this.addSql(`create table "agreement_history" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "agreement_id" uuid not null, "action" "agreement_action" not null, "from_state" "agreement_state" not null, "to_state" "agreement_state" not null, "actor_id" uuid not null, "at" timestamptz not null, "note" text null, constraint "agreement_history_pkey" primary key ("id"));`);
    this.addSql(`create index "agreement_history_agreement_id_at_index" on "agreement_history" ("agreement_id", "at");`);

    this.addSql(`alter table "stored_document" add constraint "stored_document_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "stored_document" add constraint "stored_document_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "licence" add constraint "licence_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "licence" add constraint "licence_document_id_foreign" foreign key ("document_id") references "stored_document" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "base_agreement" add constraint "base_agreement_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "base_agreement" add constraint "base_agreement_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "base_agreement" add constraint "base_agreement_previous_id_foreign" foreign key ("previous_id") references "base_agreement" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "supervision_visit" add constraint "supervision_visit_agreement_id_foreign" foreign key ("agreement_id") references "base_agreement" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "supervision_visit" add constraint "supervision_visit_supervisor_id_foreign" foreign key ("supervisor_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "quarterly_report" add constraint "quarterly_report_agreement_id_foreign" foreign key ("agreement_id") references "base_agreement" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "quarterly_report" add constraint "quarterly_report_submitted_by_id_foreign" foreign key ("submitted_by_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "quarterly_report" add constraint "quarterly_report_reviewed_by_id_foreign" foreign key ("reviewed_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "complaint" add constraint "complaint_agreement_id_foreign" foreign key ("agreement_id") references "base_agreement" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "complaint" add constraint "complaint_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "base_agreement_neighbourhood" add constraint "base_agreement_neighbourhood_base_agreement_id_foreign" foreign key ("base_agreement_id") references "base_agreement" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "base_agreement_neighbourhood" add constraint "base_agreement_neighbourhood_neighbourhood_id_foreign" foreign key ("neighbourhood_id") references "neighbourhood" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "base_agreement_document" add constraint "base_agreement_document_base_agreement_id_foreign" foreign key ("base_agreement_id") references "base_agreement" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "base_agreement_document" add constraint "base_agreement_document_stored_document_id_foreign" foreign key ("stored_document_id") references "stored_document" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "agreement_history" add constraint "agreement_history_agreement_id_foreign" foreign key ("agreement_id") references "base_agreement" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "agreement_history" add constraint "agreement_history_actor_id_foreign" foreign key ("actor_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter type "notification_kind" add value if not exists 'AGREEMENT_CHANGED' after 'HOURS_CONFIRMED';`);

    this.addSql(`alter type "notification_kind" add value if not exists 'LICENCE_EXPIRING' after 'AGREEMENT_CHANGED';`);

    this.addSql(`alter type "notification_kind" add value if not exists 'REPORT_OVERDUE' after 'LICENCE_EXPIRING';`);

    this.addSql(`alter type "notification_kind" add value if not exists 'REPORT_CHANGED' after 'REPORT_OVERDUE';`);

    this.addSql(`alter type "notification_kind" add value if not exists 'VISIT_OVERDUE' after 'REPORT_CHANGED';`);

    this.addSql(`alter table "plan_task" add column "completed_on" date null;`);
  }

  async down() {
    this.addSql(`alter table "licence" drop constraint "licence_document_id_foreign";`);

    this.addSql(`alter table "base_agreement_document" drop constraint "base_agreement_document_stored_document_id_foreign";`);

    this.addSql(`alter table "base_agreement" drop constraint "base_agreement_previous_id_foreign";`);

    this.addSql(`alter table "supervision_visit" drop constraint "supervision_visit_agreement_id_foreign";`);

    this.addSql(`alter table "quarterly_report" drop constraint "quarterly_report_agreement_id_foreign";`);

    this.addSql(`alter table "complaint" drop constraint "complaint_agreement_id_foreign";`);

    this.addSql(`alter table "base_agreement_neighbourhood" drop constraint "base_agreement_neighbourhood_base_agreement_id_foreign";`);

    this.addSql(`alter table "base_agreement_document" drop constraint "base_agreement_document_base_agreement_id_foreign";`);

    this.addSql(`alter table "agreement_history" drop constraint "agreement_history_agreement_id_foreign";`);

    this.addSql(`drop table if exists "stored_document" cascade;`);

    this.addSql(`drop table if exists "licence" cascade;`);

    this.addSql(`drop table if exists "base_agreement" cascade;`);

    this.addSql(`drop table if exists "supervision_visit" cascade;`);

    this.addSql(`drop table if exists "quarterly_report" cascade;`);

    this.addSql(`drop table if exists "complaint" cascade;`);

    this.addSql(`drop table if exists "base_agreement_neighbourhood" cascade;`);

    this.addSql(`drop table if exists "base_agreement_document" cascade;`);

    this.addSql(`drop table if exists "agreement_history" cascade;`);

    this.addSql(`alter table "plan_task" drop column "completed_on";`);

    this.addSql(`drop type "document_kind";`);
    this.addSql(`drop type "licence_kind";`);
    this.addSql(`drop type "agreement_state";`);
    this.addSql(`drop type "report_state";`);
    this.addSql(`drop type "complaint_status";`);
    this.addSql(`drop type "agreement_action";`);
  }

}
exports.Migration20261124090410 = Migration20261124090410;
