'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261124065942 extends Migration {

  async up() {
    this.addSql(`create type "notification_channel" as enum ('PORTAL');`);
    this.addSql(`create type "notification_kind" as enum ('NEW_PLEDGE', 'PLEDGE_CONFIRMED', 'RECEIPT_RECORDED', 'PLEDGE_CANCELLED', 'PLEDGE_OVERDUE', 'NEW_SIGNUP', 'SIGNUP_CONFIRMED', 'SIGNUP_DECLINED', 'HOURS_CONFIRMED');`);
    this.addSql(`create type "donor_kind" as enum ('INDIVIDUAL', 'ORGANISATION');`);
    this.addSql(`create type "pledge_kind" as enum ('CASH', 'IN_KIND');`);
    this.addSql(`create type "pledge_status" as enum ('PLEDGED', 'CONFIRMED', 'PARTLY_RECEIVED', 'FULFILLED', 'CANCELLED');`);
    this.addSql(`create table "notification" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "recipient_id" uuid not null, "channel" "notification_channel" not null default 'PORTAL', "kind" "notification_kind" not null, "subject_type" text not null, "subject_id" uuid not null, "params" jsonb not null, "dedupe_key" text null, "delivered_at" timestamptz null, "read_at" timestamptz null, constraint "notification_pkey" primary key ("id"));`);
    this.addSql(`create index "notification_recipient_id_channel_created_at_index" on "notification" ("recipient_id", "channel", "created_at");`);
    this.addSql(`alter table "notification" add constraint "notification_dedupe_key_unique" unique ("dedupe_key");`);

    this.addSql(`create table "donor_profile" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" uuid not null, "kind" "donor_kind" not null, "organisation_name" text null, "phone" text null, constraint "donor_profile_pkey" primary key ("id"));`);
    this.addSql(`alter table "donor_profile" add constraint "donor_profile_user_id_unique" unique ("user_id");`);

    this.addSql(`create table "pledge" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "pledger_id" uuid not null, "idempotency_key" text not null, "request_hash" text not null, "plan_id" uuid not null, "task_id" uuid null, "resource_id" uuid null, "organisation_id" uuid not null, "kind" "pledge_kind" not null, "amount_rials" bigint null, "item" text null, "quantity" int null, "unit" text null, "anonymous" boolean not null default false, "due_on" date null, "note" text null, "status" "pledge_status" not null default 'PLEDGED', constraint "pledge_pkey" primary key ("id"), constraint pledge_amount_matches_kind check ((kind = 'CASH' and amount_rials > 0 and quantity is null) or (kind = 'IN_KIND' and amount_rials is null and quantity > 0 and unit is not null)));`);
    this.addSql(`create index "pledge_plan_id_status_index" on "pledge" ("plan_id", "status");`);
    this.addSql(`alter table "pledge" add constraint "pledge_pledger_id_idempotency_key_unique" unique ("pledger_id", "idempotency_key");`);

    this.addSql(`create table "receipt" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "pledge_id" uuid not null, "organisation_id" uuid not null, "recorded_by_id" uuid not null, "idempotency_key" text not null, "request_hash" text not null, "amount_rials" bigint null, "quantity" int null, "received_on" date not null, "override" boolean not null default false, "note" text null, constraint "receipt_pkey" primary key ("id"), constraint receipt_positive check (coalesce(amount_rials, 1) > 0 and coalesce(quantity, 1) > 0));`);
    this.addSql(`create index "receipt_organisation_id_received_on_index" on "receipt" ("organisation_id", "received_on");`);
    this.addSql(`alter table "receipt" add constraint "receipt_recorded_by_id_idempotency_key_unique" unique ("recorded_by_id", "idempotency_key");`);

    this.addSql(`create table "pledge_instalment" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "pledge_id" uuid not null, "due_on" date not null, "amount_rials" bigint null, "quantity" int null, constraint "pledge_instalment_pkey" primary key ("id"), constraint pledge_instalment_positive check (coalesce(amount_rials, 1) > 0 and coalesce(quantity, 1) > 0));`);

    this.addSql(`alter table "notification" add constraint "notification_recipient_id_foreign" foreign key ("recipient_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "donor_profile" add constraint "donor_profile_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "pledge" add constraint "pledge_pledger_id_foreign" foreign key ("pledger_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "pledge" add constraint "pledge_plan_id_foreign" foreign key ("plan_id") references "action_plan" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "pledge" add constraint "pledge_task_id_foreign" foreign key ("task_id") references "plan_task" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "pledge" add constraint "pledge_resource_id_foreign" foreign key ("resource_id") references "task_resource" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "pledge" add constraint "pledge_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "receipt" add constraint "receipt_pledge_id_foreign" foreign key ("pledge_id") references "pledge" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "receipt" add constraint "receipt_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "receipt" add constraint "receipt_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "pledge_instalment" add constraint "pledge_instalment_pledge_id_foreign" foreign key ("pledge_id") references "pledge" ("id") on update cascade on delete cascade;`);
  }

  async down() {
    this.addSql(`alter table "receipt" drop constraint "receipt_pledge_id_foreign";`);

    this.addSql(`alter table "pledge_instalment" drop constraint "pledge_instalment_pledge_id_foreign";`);

    this.addSql(`drop table if exists "notification" cascade;`);

    this.addSql(`drop table if exists "donor_profile" cascade;`);

    this.addSql(`drop table if exists "pledge" cascade;`);

    this.addSql(`drop table if exists "receipt" cascade;`);

    this.addSql(`drop table if exists "pledge_instalment" cascade;`);

    this.addSql(`drop type "notification_channel";`);
    this.addSql(`drop type "notification_kind";`);
    this.addSql(`drop type "donor_kind";`);
    this.addSql(`drop type "pledge_kind";`);
    this.addSql(`drop type "pledge_status";`);
  }

}
exports.Migration20261124065942 = Migration20261124065942;
