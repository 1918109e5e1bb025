'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261124035225 extends Migration {

  async up() {
    this.addSql(`create type "map_feature_kind" as enum ('ASSET', 'HARM');`);
    this.addSql(`create type "map_event_type" as enum ('CREATED', 'UPDATED', 'DELETED', 'STATUS_CHANGED', 'WORKSHOP_CHANGED', 'RESYNC');`);
    this.addSql(`create type "map_feature_source" as enum ('INFORMANT_MEETING', 'FIELD_VISIT', 'REPORT');`);
    this.addSql(`create type "map_feature_status" as enum ('PROPOSED', 'CONFIRMED', 'ARCHIVED');`);
    this.addSql(`create type "crisis_kind" as enum ('SUICIDE_RISK', 'CHILD_ABUSE', 'SPOUSE_ABUSE', 'RUNAWAY_MINOR', 'FAMILY_VIOLENCE', 'OTHER');`);
    this.addSql(`create type "crisis_urgency" as enum ('IMMEDIATE', 'URGENT', 'ROUTINE');`);
    this.addSql(`create type "crisis_status" as enum ('NEW', 'CONTACTED', 'CLOSED');`);
    this.addSql(`create type "workshop_status" as enum ('OPEN', 'PAUSED', 'CLOSED');`);
    this.addSql(`create table "map_category" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "slug" text not null, "kind" "map_feature_kind" not null, "name_fa" text not null, "name_en" text not null, "icon" text not null, "colour" text not null, "sort_order" int not null default 100, constraint "map_category_pkey" primary key ("id"));`);
    this.addSql(`alter table "map_category" add constraint "map_category_slug_unique" unique ("slug");`);

    this.addSql(`create table "map_event" ("seq" bigserial primary key, "neighbourhood_id" uuid not null, "type" "map_event_type" not null, "feature_id" uuid null, "workshop_id" uuid null, "at" timestamptz not null default now());`);
    this.addSql(`create index "map_event_neighbourhood_id_seq_index" on "map_event" ("neighbourhood_id", "seq");`);

    this.addSql(`create table "map_feature" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "neighbourhood_id" uuid not null, "kind" "map_feature_kind" not null, "category_id" uuid not null, "geometry" geometry(Geometry,4326) not null, "title" text not null, "description" text null, "severity" smallint null, "capacity" int null, "source" "map_feature_source" not null, "status" "map_feature_status" not null, "author_id" uuid null, "version" int not null default 1, constraint "map_feature_pkey" primary key ("id"));`);
    this.addSql(`create index "map_feature_geometry_gist" on "map_feature" using gist ("geometry");`);
    this.addSql(`create index "map_feature_neighbourhood_id_kind_status_index" on "map_feature" ("neighbourhood_id", "kind", "status");`);

    this.addSql(`create table "crisis_referral" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "neighbourhood_id" uuid not null, "reporter_id" uuid not null, "kind" "crisis_kind" not null, "urgency" "crisis_urgency" not null, "status" "crisis_status" not null default 'NEW', "details" text not null, "callback_phone" text null, "status_note" text null, constraint "crisis_referral_pkey" primary key ("id"));`);
    this.addSql(`create index "crisis_referral_neighbourhood_id_status_created_at_index" on "crisis_referral" ("neighbourhood_id", "status", "created_at");`);

    this.addSql(`create table "workshop" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "neighbourhood_id" uuid not null, "facilitator_id" uuid not null, "title" text not null, "code" text not null, "status" "workshop_status" not null default 'OPEN', "closed_at" timestamptz null, constraint "workshop_pkey" primary key ("id"));`);
    this.addSql(`create index "workshop_neighbourhood_id_status_index" on "workshop" ("neighbourhood_id", "status");`);

    this.addSql(`create table "workshop_participant" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "workshop_id" uuid not null, "user_id" uuid not null, constraint "workshop_participant_pkey" primary key ("id"));`);
    this.addSql(`alter table "workshop_participant" add constraint "workshop_participant_workshop_id_user_id_unique" unique ("workshop_id", "user_id");`);

    this.addSql(`alter table "map_event" add constraint "map_event_neighbourhood_id_foreign" foreign key ("neighbourhood_id") references "neighbourhood" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "map_feature" add constraint "map_feature_neighbourhood_id_foreign" foreign key ("neighbourhood_id") references "neighbourhood" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "map_feature" add constraint "map_feature_category_id_foreign" foreign key ("category_id") references "map_category" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "map_feature" add constraint "map_feature_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "crisis_referral" add constraint "crisis_referral_neighbourhood_id_foreign" foreign key ("neighbourhood_id") references "neighbourhood" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "crisis_referral" add constraint "crisis_referral_reporter_id_foreign" foreign key ("reporter_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "workshop" add constraint "workshop_neighbourhood_id_foreign" foreign key ("neighbourhood_id") references "neighbourhood" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "workshop" add constraint "workshop_facilitator_id_foreign" foreign key ("facilitator_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "workshop_participant" add constraint "workshop_participant_workshop_id_foreign" foreign key ("workshop_id") references "workshop" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "workshop_participant" add constraint "workshop_participant_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
  }

  async down() {
    this.addSql(`alter table "map_feature" drop constraint "map_feature_category_id_foreign";`);

    this.addSql(`alter table "workshop_participant" drop constraint "workshop_participant_workshop_id_foreign";`);

    this.addSql(`drop table if exists "map_category" cascade;`);

    this.addSql(`drop table if exists "map_event" cascade;`);

    this.addSql(`drop table if exists "map_feature" cascade;`);

    this.addSql(`drop table if exists "crisis_referral" cascade;`);

    this.addSql(`drop table if exists "workshop" cascade;`);

    this.addSql(`drop table if exists "workshop_participant" cascade;`);

    this.addSql(`drop type "map_feature_kind";`);
    this.addSql(`drop type "map_event_type";`);
    this.addSql(`drop type "map_feature_source";`);
    this.addSql(`drop type "map_feature_status";`);
    this.addSql(`drop type "crisis_kind";`);
    this.addSql(`drop type "crisis_urgency";`);
    this.addSql(`drop type "crisis_status";`);
    this.addSql(`drop type "workshop_status";`);
  }

}
exports.Migration20261124035225 = Migration20261124035225;
