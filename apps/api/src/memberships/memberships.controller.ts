import { Controller, Param, UseGuards } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { contract, type BodyOf, type PageQuery, type ResponseOf } from '@nec/contracts';
import { type Actor, CurrentActor, Public, Roles } from '../auth/actor.js';
import { organisationIdParam, uuidParam } from '../common/params.js';
import { Route } from '../common/route.js';
import { AppThrottlerGuard } from '../common/throttler.guard.js';
import { ZodBody, ZodQuery } from '../common/zod.js';
import { InvitationsService } from './invitations.service.js';
import { JoinRequestsService } from './join-requests.service.js';

const routes = contract.memberships;

const invitationId = uuidParam('invitation-not-found', 'Cette invitation est introuvable.');
const requestId = uuidParam(
  'join-request-not-found',
  'Cette demande est introuvable, ou a déjà reçu une réponse.',
);

/**
 * Invitations and requests to join an organisation, for applicants. The owners' routes answer
 * 404 to outsiders and 403 to members who are not owners, like the organisation's own routes.
 * The invitation link's token travels in the path; the logs scrub it (common/log-redaction.ts).
 */
@Controller()
@Roles('applicant')
export class MembershipsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly joinRequests: JoinRequestsService,
  ) {}

  // ── invitations ───────────────────────────────────────────────────────────

  @Route(routes.invite)
  invite(
    @CurrentActor() actor: Actor,
    @Param('id', organisationIdParam) id: string,
    @ZodBody(routes.invite.body) body: BodyOf<typeof routes.invite>,
  ): Promise<ResponseOf<typeof routes.invite>> {
    return this.invitations.invite(actor, id, body.email);
  }

  @Route(routes.invitations)
  listInvitations(
    @CurrentActor() actor: Actor,
    @Param('id', organisationIdParam) id: string,
    @ZodQuery(routes.invitations.query) query: PageQuery,
  ): Promise<ResponseOf<typeof routes.invitations>> {
    return this.invitations.list(actor, id, query);
  }

  @Route(routes.revokeInvitation)
  async revokeInvitation(
    @CurrentActor() actor: Actor,
    @Param('id', organisationIdParam) id: string,
    @Param('invitationId', invitationId) invitation: string,
  ): Promise<void> {
    await this.invitations.revoke(actor, id, invitation);
  }

  @Route(routes.invitation)
  showInvitation(
    @CurrentActor() actor: Actor,
    @Param('token') token: string,
  ): Promise<ResponseOf<typeof routes.invitation>> {
    return this.invitations.show(actor, token);
  }

  @Route(routes.acceptInvitation)
  acceptInvitation(
    @CurrentActor() actor: Actor,
    @Param('token') token: string,
  ): Promise<ResponseOf<typeof routes.acceptInvitation>> {
    return this.invitations.accept(actor, token);
  }

  @Route(routes.declineInvitation)
  async declineInvitation(
    @CurrentActor() actor: Actor,
    @Param('token') token: string,
  ): Promise<void> {
    await this.invitations.decline(actor, token);
  }

  // ── requests to join ──────────────────────────────────────────────────────

  @Route(routes.requestToJoin)
  requestToJoin(
    @CurrentActor() actor: Actor,
    @ZodBody(routes.requestToJoin.body) body: BodyOf<typeof routes.requestToJoin>,
  ): Promise<ResponseOf<typeof routes.requestToJoin>> {
    return this.joinRequests.request(actor, body);
  }

  @Route(routes.myJoinRequests)
  myJoinRequests(
    @CurrentActor() actor: Actor,
    @ZodQuery(routes.myJoinRequests.query) query: PageQuery,
  ): Promise<ResponseOf<typeof routes.myJoinRequests>> {
    return this.joinRequests.mine(actor, query);
  }

  @Route(routes.cancelJoinRequest)
  async cancelJoinRequest(
    @CurrentActor() actor: Actor,
    @Param('requestId', requestId) request: string,
  ): Promise<void> {
    await this.joinRequests.cancel(actor, request);
  }

  @Route(routes.joinRequests)
  listJoinRequests(
    @CurrentActor() actor: Actor,
    @Param('id', organisationIdParam) id: string,
    @ZodQuery(routes.joinRequests.query) query: PageQuery,
  ): Promise<ResponseOf<typeof routes.joinRequests>> {
    return this.joinRequests.list(actor, id, query);
  }

  @Route(routes.acceptJoinRequest)
  async acceptJoinRequest(
    @CurrentActor() actor: Actor,
    @Param('id', organisationIdParam) id: string,
    @Param('requestId', requestId) request: string,
  ): Promise<void> {
    await this.joinRequests.decide(actor, id, request, true);
  }

  @Route(routes.declineJoinRequest)
  async declineJoinRequest(
    @CurrentActor() actor: Actor,
    @Param('id', organisationIdParam) id: string,
    @Param('requestId', requestId) request: string,
  ): Promise<void> {
    await this.joinRequests.decide(actor, id, request, false);
  }
}

/**
 * The invitation link before signing in: what it invites to and with which address, so that
 * someone without an account knows which one to create. Public, throttled like the open data.
 */
@Controller()
@UseGuards(AppThrottlerGuard)
@SkipThrottle({ auth: true })
export class InvitationLinksController {
  constructor(private readonly invitations: InvitationsService) {}

  @Route(routes.invitationPreview)
  @Public()
  previewInvitation(
    @Param('token') token: string,
  ): Promise<ResponseOf<typeof routes.invitationPreview>> {
    return this.invitations.preview(token);
  }
}
