import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { InvitationsService } from './invitations.service.js';
import { JoinRequestsService } from './join-requests.service.js';
import { InvitationLinksController, MembershipsController } from './memberships.controller.js';
import { MembershipsRepository } from './memberships.repository.js';

/** Joining an organisation: invitations from its owners, requests to them. */
@Module({
  imports: [OrganisationsModule],
  controllers: [MembershipsController, InvitationLinksController],
  providers: [MembershipsRepository, InvitationsService, JoinRequestsService],
  exports: [MembershipsRepository],
})
export class MembershipsModule {}
