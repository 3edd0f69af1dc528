import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Instruction: the assigned instructor, the awarded amount and the facts fixed at submission
 * (régions, verdicts) on dossiers, with the queue's indexes; information requests, interviews,
 * messages and private notes.
 */
export class Instruction1763900200000 implements MigrationInterface {
  name = 'Instruction1763900200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "dossiers" ADD "assigned_instructor_id" uuid`);
    await queryRunner.query(`ALTER TABLE "dossiers" ADD "awarded_amount_cents" integer`);
    await queryRunner.query(`ALTER TABLE "dossiers" ADD "region_codes" text array`);
    await queryRunner.query(`ALTER TABLE "dossiers" ADD "label_verdict" character varying(20)`);
    await queryRunner.query(`ALTER TABLE "dossiers" ADD "subsidy_verdict" character varying(20)`);
    await queryRunner.query(
      `CREATE INDEX "IDX_dossiers_requested_subsidy_cents" ON "dossiers"  ("requested_subsidy_cents") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_dossiers_assigned_instructor_id" ON "dossiers"  ("assigned_instructor_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_dossiers_submitted_at" ON "dossiers"  ("submitted_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_dossiers_event_date" ON "dossiers"  ("event_date") `,
    );
    await queryRunner.query(
      `ALTER TABLE "dossiers" ADD CONSTRAINT "FK_a2c08a38dd989b07f6cd511a74a" FOREIGN KEY ("assigned_instructor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );

    await queryRunner.query(
      `CREATE TABLE "information_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dossier_id" uuid NOT NULL, "message" text NOT NULL, "due_date" date NOT NULL, "requested_by" uuid, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "answered_at" TIMESTAMP WITH TIME ZONE, "answer_text" text, "answered_by" uuid, CONSTRAINT "PK_6c42fdd3cb4a12dfa4f4107e2e2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_968d996c7e2f6511347eb8812e" ON "information_requests"  ("dossier_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "interviews" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dossier_id" uuid NOT NULL, "scheduled_for" date NOT NULL, "notes" text, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_fd41af1f96d698fa33c2f070f47" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_38aff75664732def2beaff7815" ON "interviews"  ("dossier_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "dossier_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dossier_id" uuid NOT NULL, "author_id" uuid, "author_role" character varying(20) NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_ae4849348c66fa6678b1f69122f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_4acc834125c326f483bfc5d974" ON "dossier_messages"  ("dossier_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "dossier_notes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dossier_id" uuid NOT NULL, "author_id" uuid, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_e972b41c86e5951bf11f8bf0d4b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3d57d6679f88dbf8967860dbbc" ON "dossier_notes"  ("dossier_id") `,
    );

    await queryRunner.query(
      `ALTER TABLE "information_requests" ADD CONSTRAINT "FK_968d996c7e2f6511347eb8812e1" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "information_requests" ADD CONSTRAINT "FK_daa59c3551005b6989adcba77c7" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "information_requests" ADD CONSTRAINT "FK_33430be6bcde7ae2228d49573f6" FOREIGN KEY ("answered_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "interviews" ADD CONSTRAINT "FK_38aff75664732def2beaff7815a" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "interviews" ADD CONSTRAINT "FK_ab334f8f4c1d1a26e0abdc1210c" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dossier_messages" ADD CONSTRAINT "FK_4acc834125c326f483bfc5d974b" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dossier_messages" ADD CONSTRAINT "FK_992358d9923c26d8263f55b323d" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dossier_notes" ADD CONSTRAINT "FK_3d57d6679f88dbf8967860dbbcb" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dossier_notes" ADD CONSTRAINT "FK_5f49dfa35206daee29377a0ac6f" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "dossier_notes"`);
    await queryRunner.query(`DROP TABLE "dossier_messages"`);
    await queryRunner.query(`DROP TABLE "interviews"`);
    await queryRunner.query(`DROP TABLE "information_requests"`);
    await queryRunner.query(
      `ALTER TABLE "dossiers" DROP CONSTRAINT "FK_a2c08a38dd989b07f6cd511a74a"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_dossiers_event_date"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dossiers_submitted_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dossiers_assigned_instructor_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dossiers_requested_subsidy_cents"`);
    await queryRunner.query(`ALTER TABLE "dossiers" DROP COLUMN "subsidy_verdict"`);
    await queryRunner.query(`ALTER TABLE "dossiers" DROP COLUMN "label_verdict"`);
    await queryRunner.query(`ALTER TABLE "dossiers" DROP COLUMN "region_codes"`);
    await queryRunner.query(`ALTER TABLE "dossiers" DROP COLUMN "awarded_amount_cents"`);
    await queryRunner.query(`ALTER TABLE "dossiers" DROP COLUMN "assigned_instructor_id"`);
  }
}
