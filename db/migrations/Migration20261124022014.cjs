'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261124022014 extends Migration {

  async up() {
    // The geometry type needs PostGIS; the migration tool does not create extensions itself.
    this.addSql(`create extension if not exists postgis;`);
    this.addSql(`create type "organisation_type" as enum ('ngo', 'cbo', 'social_health_base', 'social_work_clinic', 'charity', 'welfare_complex', 'mosbat_zendegi_centre', 'drop_in_centre', 'hub_association');`);
    this.addSql(`create type "locale" as enum ('fa', 'en');`);
    this.addSql(`create type "role" as enum ('resident', 'volunteer', 'donor', 'base_staff', 'county_supervisor', 'province_admin');`);
    this.addSql(`create table "audit_entry" ("id" bigserial primary key, "at" timestamptz not null default now(), "actor_id" uuid null, "operation" text not null, "entity_type" text not null, "entity_id" text null, "diff" jsonb not null);`);
    this.addSql(`create index "audit_entry_at_index" on "audit_entry" ("at");`);
    this.addSql(`create index "audit_entry_actor_id_index" on "audit_entry" ("actor_id");`);
    this.addSql(`create index "audit_entry_entity_type_entity_id_index" on "audit_entry" ("entity_type", "entity_id");`);

    this.addSql(`create table "province" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "slug" text not null, "name_fa" text not null, "name_en" text not null, constraint "province_pkey" primary key ("id"));`);
    this.addSql(`alter table "province" add constraint "province_slug_unique" unique ("slug");`);

    this.addSql(`create table "county" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "slug" text not null, "name_fa" text not null, "name_en" text not null, "province_id" uuid not null, constraint "county_pkey" primary key ("id"));`);
    this.addSql(`alter table "county" add constraint "county_slug_unique" unique ("slug");`);

    this.addSql(`create table "organisation" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "slug" text not null, "name_fa" text not null, "name_en" text not null, "type" "organisation_type" not null, "clinic_grade" smallint null, "parent_id" uuid null, "county_id" uuid not null, "phone" text null, "email" text null, "address" text null, constraint "organisation_pkey" primary key ("id"));`);
    this.addSql(`alter table "organisation" add constraint "organisation_slug_unique" unique ("slug");`);

    this.addSql(`create table "neighbourhood" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "slug" text not null, "name_fa" text not null, "name_en" text not null, "description_fa" text null, "description_en" text null, "county_id" uuid not null, "boundary" geometry(MultiPolygon,4326) not null, "version" int not null default 1, constraint "neighbourhood_pkey" primary key ("id"));`);
    this.addSql(`alter table "neighbourhood" add constraint "neighbourhood_slug_unique" unique ("slug");`);

    this.addSql(`create table "organisation_neighbourhood" ("organisation_id" uuid not null, "neighbourhood_id" uuid not null, constraint "organisation_neighbourhood_pkey" primary key ("organisation_id", "neighbourhood_id"));`);

    this.addSql(`create table "app_user" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "email" text not null, "password_hash" text null, "display_name" text not null, "locale" "locale" not null default 'fa', constraint "app_user_pkey" primary key ("id"));`);
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);

    this.addSql(`create table "session" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "token_hash" text not null, "user_id" uuid not null, "expires_at" timestamptz not null, constraint "session_pkey" primary key ("id"));`);
    this.addSql(`alter table "session" add constraint "session_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "role_assignment" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" uuid not null, "role" "role" not null, "organisation_id" uuid null, "county_id" uuid null, constraint "role_assignment_pkey" primary key ("id"));`);
    this.addSql(`alter table "role_assignment" add constraint "role_assignment_user_id_role_organisation_id_county_id_unique" unique ("user_id", "role", "organisation_id", "county_id");`);

    this.addSql(`alter table "county" add constraint "county_province_id_foreign" foreign key ("province_id") references "province" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "organisation" add constraint "organisation_parent_id_foreign" foreign key ("parent_id") references "organisation" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "organisation" add constraint "organisation_county_id_foreign" foreign key ("county_id") references "county" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "neighbourhood" add constraint "neighbourhood_county_id_foreign" foreign key ("county_id") references "county" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "organisation_neighbourhood" add constraint "organisation_neighbourhood_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "organisation_neighbourhood" add constraint "organisation_neighbourhood_neighbourhood_id_foreign" foreign key ("neighbourhood_id") references "neighbourhood" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "role_assignment" add constraint "role_assignment_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "role_assignment" add constraint "role_assignment_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "role_assignment" add constraint "role_assignment_county_id_foreign" foreign key ("county_id") references "county" ("id") on update cascade on delete cascade;`);
      // Audit rows are append-only for every database role, on the embedded and the real server.
    this.addSql(`create or replace function audit_entry_append_only() returns trigger language plpgsql as $$ begin raise exception 'audit_entry is append-only' using errcode = '42501'; end $$;`);
    this.addSql(`create trigger audit_entry_no_update_delete before update or delete on "audit_entry" for each row execute function audit_entry_append_only();`);
    this.addSql(`create trigger audit_entry_no_truncate before truncate on "audit_entry" for each statement execute function audit_entry_append_only();`);
    this.addSql(`create index "session_expires_at_index" on "session" ("expires_at");`);
  }

  async down() {
    this.addSql(`drop trigger if exists audit_entry_no_truncate on "audit_entry";`);
    this.addSql(`drop trigger if exists audit_entry_no_update_delete on "audit_entry";`);
    this.addSql(`drop function if exists audit_entry_append_only();`);
    this.addSql(`alter table "county" drop constraint "county_province_id_foreign";`);

    this.addSql(`alter table "organisation" drop constraint "organisation_county_id_foreign";`);

    this.addSql(`alter table "neighbourhood" drop constraint "neighbourhood_county_id_foreign";`);

    this.addSql(`alter table "role_assignment" drop constraint "role_assignment_county_id_foreign";`);

    this.addSql(`alter table "organisation" drop constraint "organisation_parent_id_foreign";`);

    this.addSql(`alter table "organisation_neighbourhood" drop constraint "organisation_neighbourhood_organisation_id_foreign";`);

    this.addSql(`alter table "role_assignment" drop constraint "role_assignment_organisation_id_foreign";`);

    this.addSql(`alter table "organisation_neighbourhood" drop constraint "organisation_neighbourhood_neighbourhood_id_foreign";`);

    this.addSql(`alter table "session" drop constraint "session_user_id_foreign";`);

    this.addSql(`alter table "role_assignment" drop constraint "role_assignment_user_id_foreign";`);

    this.addSql(`drop table if exists "audit_entry" cascade;`);

    this.addSql(`drop table if exists "province" cascade;`);

    this.addSql(`drop table if exists "county" cascade;`);

    this.addSql(`drop table if exists "organisation" cascade;`);

    this.addSql(`drop table if exists "neighbourhood" cascade;`);

    this.addSql(`drop table if exists "organisation_neighbourhood" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop table if exists "session" cascade;`);

    this.addSql(`drop table if exists "role_assignment" cascade;`);

    this.addSql(`drop type "organisation_type";`);
    this.addSql(`drop type "locale";`);
    this.addSql(`drop type "role";`);
  }

}
exports.Migration20261124022014 = Migration20261124022014;
