import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Joining an organisation with the consent of both sides: invitations of an e-mail address by
 * the organisation's owners (the link's token stored hashed), and requests to join sent to
 * them. At most one pending invitation per address and one pending request per person, per
 * organisation (partial unique indexes).
 */
export class Memberships1765200000000 implements MigrationInterface {
  name = 'Memberships1765200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "organisation_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "email" character varying(254) NOT NULL, "token_hash" character(64) NOT NULL, "invited_by" uuid, "status" character varying(20) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "settled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d9657c67b15006843b0472d8a75" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_6b846f2e4a21943d2e6c0439b7" ON "organisation_invitations"  ("organisation_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_0495b485f315771b164bb6cf79" ON "organisation_invitations"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_organisation_invitations_pending" ON "organisation_invitations"  ("organisation_id", "email") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(
      `CREATE TABLE "organisation_join_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "requester_id" uuid NOT NULL, "message" character varying(1000), "status" character varying(20) NOT NULL, "decided_by" uuid, "settled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ce4c11299168195e240fefba6e1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_63517429aa41d4bd45cb90a823" ON "organisation_join_requests"  ("organisation_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_fffc735f3d01270e0859a88633" ON "organisation_join_requests"  ("requester_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_organisation_join_requests_pending" ON "organisation_join_requests"  ("organisation_id", "requester_id") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_invitations" ADD CONSTRAINT "FK_6b846f2e4a21943d2e6c0439b75" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_invitations" ADD CONSTRAINT "FK_adac91d71577c47a2ac04aca5dd" FOREIGN KEY ("invited_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_join_requests" ADD CONSTRAINT "FK_63517429aa41d4bd45cb90a8237" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_join_requests" ADD CONSTRAINT "FK_fffc735f3d01270e0859a886339" FOREIGN KEY ("requester_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_join_requests" ADD CONSTRAINT "FK_1d73fea840dcca7b15b169cad42" FOREIGN KEY ("decided_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "organisation_join_requests" DROP CONSTRAINT "FK_1d73fea840dcca7b15b169cad42"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_join_requests" DROP CONSTRAINT "FK_fffc735f3d01270e0859a886339"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_join_requests" DROP CONSTRAINT "FK_63517429aa41d4bd45cb90a8237"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_invitations" DROP CONSTRAINT "FK_adac91d71577c47a2ac04aca5dd"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_invitations" DROP CONSTRAINT "FK_6b846f2e4a21943d2e6c0439b75"`,
    );
    await queryRunner.query(`DROP TABLE "organisation_join_requests"`);
    await queryRunner.query(`DROP TABLE "organisation_invitations"`);
  }
}
