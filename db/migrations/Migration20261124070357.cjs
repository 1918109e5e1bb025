'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261124070357 extends Migration {

  async up() {
    this.addSql(`create type "signup_status" as enum ('PENDING', 'CONFIRMED', 'DECLINED', 'CANCELLED');`);
    this.addSql(`create type "hours_status" as enum ('LOGGED', 'CONFIRMED', 'REJECTED');`);
    this.addSql(`create table "task_slot" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "task_id" uuid not null, "title" text not null, "people_needed" int not null, "skills" jsonb not null, "starts_on" date not null, "ends_on" date not null, "hours_each" int not null, constraint "task_slot_pkey" primary key ("id"), constraint task_slot_sane check (people_needed > 0 and hours_each > 0 and ends_on >= starts_on));`);

    this.addSql(`create table "slot_signup" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "slot_id" uuid not null, "volunteer_id" uuid not null, "status" "signup_status" not null default 'PENDING', "note" text null, constraint "slot_signup_pkey" primary key ("id"));`);
    this.addSql(`create index "slot_signup_volunteer_id_status_index" on "slot_signup" ("volunteer_id", "status");`);
    this.addSql(`alter table "slot_signup" add constraint "slot_signup_slot_id_volunteer_id_unique" unique ("slot_id", "volunteer_id");`);

    this.addSql(`create table "hours_log" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "signup_id" uuid not null, "day" date not null, "hours" smallint not null, "status" "hours_status" not null default 'LOGGED', "reviewed_by_id" uuid null, constraint "hours_log_pkey" primary key ("id"), constraint hours_log_range check (hours >= 1 and hours <= 24));`);

    this.addSql(`create table "volunteer_profile" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" uuid not null, "skills" jsonb not null, "skills_note" text null, "availability" text null, "languages" jsonb not null, "phone" text null, constraint "volunteer_profile_pkey" primary key ("id"));`);
    this.addSql(`alter table "volunteer_profile" add constraint "volunteer_profile_user_id_unique" unique ("user_id");`);

    this.addSql(`create table "volunteer_neighbourhood" ("volunteer_profile_id" uuid not null, "neighbourhood_id" uuid not null, constraint "volunteer_neighbourhood_pkey" primary key ("volunteer_profile_id", "neighbourhood_id"));`);

    this.addSql(`alter table "task_slot" add constraint "task_slot_task_id_foreign" foreign key ("task_id") references "plan_task" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "slot_signup" add constraint "slot_signup_slot_id_foreign" foreign key ("slot_id") references "task_slot" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "slot_signup" add constraint "slot_signup_volunteer_id_foreign" foreign key ("volunteer_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "hours_log" add constraint "hours_log_signup_id_foreign" foreign key ("signup_id") references "slot_signup" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "hours_log" add constraint "hours_log_reviewed_by_id_foreign" foreign key ("reviewed_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "volunteer_profile" add constraint "volunteer_profile_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "volunteer_neighbourhood" add constraint "volunteer_neighbourhood_volunteer_profile_id_foreign" foreign key ("volunteer_profile_id") references "volunteer_profile" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "volunteer_neighbourhood" add constraint "volunteer_neighbourhood_neighbourhood_id_foreign" foreign key ("neighbourhood_id") references "neighbourhood" ("id") on update cascade on delete cascade;`);
  }

  async down() {
    this.addSql(`alter table "slot_signup" drop constraint "slot_signup_slot_id_foreign";`);

    this.addSql(`alter table "hours_log" drop constraint "hours_log_signup_id_foreign";`);

    this.addSql(`alter table "volunteer_neighbourhood" drop constraint "volunteer_neighbourhood_volunteer_profile_id_foreign";`);

    this.addSql(`drop table if exists "task_slot" cascade;`);

    this.addSql(`drop table if exists "slot_signup" cascade;`);

    this.addSql(`drop table if exists "hours_log" cascade;`);

    this.addSql(`drop table if exists "volunteer_profile" cascade;`);

    this.addSql(`drop table if exists "volunteer_neighbourhood" cascade;`);

    this.addSql(`drop type "signup_status";`);
    this.addSql(`drop type "hours_status";`);
  }

}
exports.Migration20261124070357 = Migration20261124070357;
