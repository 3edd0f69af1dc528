import { Injectable, Logger } from '@nestjs/common';
import type { DossierEntity } from '../dossiers/dossier.entity.js';
import { MailService } from '../mail/mail.service.js';
import type { MailText } from '../mail/texts/instruction.js';
import { InstructionRepository } from './instruction.repository.js';

/**
 * Tells the people of a dossier what happened: the members of its organisation, or the
 * instructor it is assigned to. Called once the change is committed: a mail that cannot be sent
 * is logged, never turned into an error for the person who acted.
 */
@Injectable()
export class DossierNotifier {
  private readonly logger = new Logger('Instruction');

  constructor(
    private readonly repository: InstructionRepository,
    private readonly mail: MailService,
  ) {}

  async toApplicants(
    dossier: Pick<DossierEntity, 'organisationId'>,
    mail: MailText,
  ): Promise<void> {
    const members = await this.repository.organisationMembers(dossier.organisationId);
    for (const member of members) await this.send(member.email, mail);
  }

  async toAssignee(
    dossier: Pick<DossierEntity, 'assignedInstructorId'>,
    mail: MailText,
  ): Promise<void> {
    if (!dossier.assignedInstructorId) return;
    const user = await this.repository.findUser(dossier.assignedInstructorId);
    if (user) await this.send(user.email, mail);
  }

  private async send(to: string, { subject, text }: MailText): Promise<void> {
    try {
      await this.mail.send({ to, subject, text });
    } catch (error) {
      this.logger.error(`Courriel non envoyé à ${to} : ${String(error)}`);
    }
  }
}
