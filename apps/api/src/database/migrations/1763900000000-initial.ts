import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts, sessions, organisations, campaigns, dossiers with versions and history, audit. */
export class Initial1763900000000 implements MigrationInterface {
  name = 'Initial1763900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "actor_role" character varying(20) NOT NULL, "action" character varying(60) NOT NULL, "subject_type" character varying(40) NOT NULL, "subject_id" character varying(64), "details" jsonb NOT NULL, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ba27cef5b8b2b1a756e06ebcc5" ON "audit_log"  ("at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_08e9b4cd10971ba146b6c5bf4d" ON "audit_log"  ("subject_type", "subject_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "email_normalized" character varying(254) NOT NULL, "display_name" character varying(200) NOT NULL, "role" character varying(20) NOT NULL, "password_hash" text NOT NULL, "email_confirmed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_5a42435a9cd1daeec3adbb42636" UNIQUE ("email_normalized"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "one_time_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "purpose" character varying(30) NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8e470cc9ffc1b2afa054304db17" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0dc2deee64e514ad6f7e69504e" ON "one_time_tokens"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_22e595d22f108ce4f2843e043a" ON "one_time_tokens"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" character(64) NOT NULL, "user_id" uuid NOT NULL, "csrf_token" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "user_agent" character varying(300), CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_abaa9e068cdd390bc5210f7988" ON "sessions"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_085d540d9f418cfbdc7bd55bb1" ON "sessions"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_9cfe37d28c3b229a350e086d94" ON "sessions"  ("expires_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "campaigns" ("id" character varying(64) NOT NULL, "call_kind" character varying(30) NOT NULL, "year" integer NOT NULL, "title" character varying(300) NOT NULL, "opens_on" date NOT NULL, "closes_on" date, "params" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_831e3fcd4fc45b4e4c3f57a9ee4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "campaign_instructors" ("campaign_id" character varying(64) NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_b7da94f5bf7463138ee93d58192" PRIMARY KEY ("campaign_id", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "organisations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "siret" character(14) NOT NULL, "siren" character(9) NOT NULL, "name" character varying(300) NOT NULL, "category" character varying(40) NOT NULL, "commune_code" character varying(5), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_ae020a6f35cb832102de3a17fbd" UNIQUE ("siret"), CONSTRAINT "PK_7bf54cba378d5b2f1d4c10ef4df" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "dossiers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reference" character varying(32) NOT NULL, "campaign_id" character varying(64) NOT NULL, "organisation_id" uuid NOT NULL, "call_kind" character varying(30) NOT NULL, "state" character varying(30) NOT NULL, "title" character varying(300), "content" jsonb NOT NULL, "version" integer NOT NULL, "event_date" date, "requested_subsidy_cents" integer, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "submitted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_e86f9e59d11ea5d780bfeb0e1b4" UNIQUE ("reference"), CONSTRAINT "PK_d84a24a9d2c52ec01142de45e42" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7f3cea32c1e1e2ba6825a4c187" ON "dossiers"  ("organisation_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f9cce68bed50da41e066d93452" ON "dossiers"  ("campaign_id", "state") `,
    );
    await queryRunner.query(
      `CREATE TABLE "charter_acceptances" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dossier_id" uuid NOT NULL, "user_id" uuid, "charter_id" character varying(40) NOT NULL, "charter_version" character varying(40) NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_35115448b2861e22f47387cf6d3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_9cd133053dbd7f50d9a0a43812" ON "charter_acceptances"  ("dossier_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "dossier_transitions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dossier_id" uuid NOT NULL, "event" character varying(40) NOT NULL, "from_state" character varying(30), "to_state" character varying(30) NOT NULL, "actor_id" uuid, "actor_role" character varying(20) NOT NULL, "details" jsonb NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_1ef413fb8c3703c031b05251db2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_50b1d45f3c9e582cc7f8b246b7" ON "dossier_transitions"  ("dossier_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "dossier_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dossier_id" uuid NOT NULL, "number" integer NOT NULL, "content" jsonb NOT NULL, "eligibility" jsonb NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "submitted_by" uuid, CONSTRAINT "UQ_5f05240f06d73187af2ab495f04" UNIQUE ("dossier_id", "number"), CONSTRAINT "PK_868ca3dd8290a41370be3554666" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "memberships" ("user_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "role" character varying(20) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4aa9948db96ef67c47d2968a121" PRIMARY KEY ("user_id", "organisation_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_55c59139e9136eb9a76ed30c6d" ON "memberships"  ("organisation_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "one_time_tokens" ADD CONSTRAINT "FK_0dc2deee64e514ad6f7e69504e1" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_instructors" ADD CONSTRAINT "FK_b47cef911f22a73171bb4e6d5d2" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_instructors" ADD CONSTRAINT "FK_36f161bd107213fd51e567f7e17" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dossiers" ADD CONSTRAINT "FK_3b7e0b4a90cecf9cc2354a6df82" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dossiers" ADD CONSTRAINT "FK_7f3cea32c1e1e2ba6825a4c1872" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dossiers" ADD CONSTRAINT "FK_74a5aca8dfdb378954791e5b088" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "charter_acceptances" ADD CONSTRAINT "FK_9cd133053dbd7f50d9a0a438126" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dossier_transitions" ADD CONSTRAINT "FK_50b1d45f3c9e582cc7f8b246b7a" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dossier_versions" ADD CONSTRAINT "FK_d0fe2fe7d63451826af538fee8b" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "memberships" ADD CONSTRAINT "FK_7c1e2fdfed4f6838e0c05ae5051" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "memberships" ADD CONSTRAINT "FK_55c59139e9136eb9a76ed30c6dc" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "memberships"`);
    await queryRunner.query(`DROP TABLE "dossier_versions"`);
    await queryRunner.query(`DROP TABLE "dossier_transitions"`);
    await queryRunner.query(`DROP TABLE "charter_acceptances"`);
    await queryRunner.query(`DROP TABLE "dossiers"`);
    await queryRunner.query(`DROP TABLE "organisations"`);
    await queryRunner.query(`DROP TABLE "campaign_instructors"`);
    await queryRunner.query(`DROP TABLE "campaigns"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP TABLE "one_time_tokens"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
