import { Controller, Param, ParseUUIDPipe } from '@nestjs/common';
import {
  contract,
  type AnswerInput,
  type AssigneeInput,
  type DecisionInput,
  type InformationRequestInput,
  type InterviewInput,
  type InterviewNotesInput,
  type MessageInput,
  type NoteInput,
  type PageQuery,
  type QueueQuery,
  type ResponseOf,
} from '@nec/contracts';
import { type Actor, CurrentActor, Roles } from '../auth/actor.js';
import { notFound } from '../common/errors.js';
import { Route } from '../common/route.js';
import { ZodBody, ZodQuery } from '../common/zod.js';
import { DecisionsService } from './decisions.service.js';
import { ExchangesService } from './exchanges.service.js';
import { QueueService } from './queue.service.js';

/** A malformed id is answered like an unknown one. */
const dossierId = new ParseUUIDPipe({
  exceptionFactory: () => notFound('Ce dossier est introuvable.'),
});
const requestId = new ParseUUIDPipe({
  exceptionFactory: () => notFound('Cette demande de compléments est introuvable.'),
});

const routes = contract.instruction;
const exchanges = contract.exchanges;

/**
 * The instruction back-office: instructors (on the campaigns they instruct) and admins. A dossier
 * of another campaign is answered 404, as if it did not exist.
 */
@Controller()
@Roles('instructor', 'admin')
export class InstructionController {
  constructor(
    private readonly queueService: QueueService,
    private readonly exchanges: ExchangesService,
    private readonly decisions: DecisionsService,
  ) {}

  @Route(routes.queue)
  queue(
    @CurrentActor() actor: Actor,
    @ZodQuery(routes.queue.query) query: QueueQuery,
  ): Promise<ResponseOf<typeof routes.queue>> {
    return this.queueService.queue(actor, query);
  }

  @Route(routes.assign)
  assign(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodBody(routes.assign.body) body: AssigneeInput,
  ): Promise<ResponseOf<typeof routes.assign>> {
    return this.queueService.assign(actor, id, body);
  }

  @Route(routes.take)
  take(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
  ): Promise<ResponseOf<typeof routes.take>> {
    return this.queueService.take(actor, id);
  }

  @Route(routes.requestInformation)
  requestInformation(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodBody(routes.requestInformation.body) body: InformationRequestInput,
  ): Promise<ResponseOf<typeof routes.requestInformation>> {
    return this.exchanges.requestInformation(actor, id, body);
  }

  @Route(routes.scheduleInterview)
  scheduleInterview(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodBody(routes.scheduleInterview.body) body: InterviewInput,
  ): Promise<ResponseOf<typeof routes.scheduleInterview>> {
    return this.decisions.scheduleInterview(actor, id, body);
  }

  @Route(routes.updateInterviewNotes)
  updateInterviewNotes(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodBody(routes.updateInterviewNotes.body) body: InterviewNotesInput,
  ): Promise<ResponseOf<typeof routes.updateInterviewNotes>> {
    return this.decisions.updateInterviewNotes(actor, id, body);
  }

  @Route(routes.decide)
  decide(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodBody(routes.decide.body) body: DecisionInput,
  ): Promise<ResponseOf<typeof routes.decide>> {
    return this.decisions.decide(actor, id, body);
  }

  @Route(routes.listNotes)
  listNotes(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodQuery(routes.listNotes.query) query: PageQuery,
  ): Promise<ResponseOf<typeof routes.listNotes>> {
    return this.exchanges.listNotes(actor, id, query);
  }

  @Route(routes.addNote)
  addNote(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodBody(routes.addNote.body) body: NoteInput,
  ): Promise<ResponseOf<typeof routes.addNote>> {
    return this.exchanges.addNote(actor, id, body);
  }
}

/** What the applicant and the ANCT team exchange about a dossier (under `/api/dossiers`). */
@Controller()
export class DossierExchangesController {
  constructor(private readonly exchanges: ExchangesService) {}

  @Route(exchanges.listInformationRequests)
  @Roles('applicant', 'instructor', 'admin')
  listInformationRequests(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodQuery(exchanges.listInformationRequests.query) query: PageQuery,
  ): Promise<ResponseOf<typeof exchanges.listInformationRequests>> {
    return this.exchanges.listInformationRequests(actor, id, query);
  }

  @Route(exchanges.answer)
  @Roles('applicant')
  answer(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @Param('requestId', requestId) request: string,
    @ZodBody(exchanges.answer.body) body: AnswerInput,
  ): Promise<ResponseOf<typeof exchanges.answer>> {
    return this.exchanges.answerInformation(actor, id, request, body);
  }

  @Route(exchanges.listMessages)
  @Roles('applicant', 'instructor', 'admin')
  listMessages(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodQuery(exchanges.listMessages.query) query: PageQuery,
  ): Promise<ResponseOf<typeof exchanges.listMessages>> {
    return this.exchanges.listMessages(actor, id, query);
  }

  @Route(exchanges.postMessage)
  @Roles('applicant', 'instructor', 'admin')
  postMessage(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodBody(exchanges.postMessage.body) body: MessageInput,
  ): Promise<ResponseOf<typeof exchanges.postMessage>> {
    return this.exchanges.postMessage(actor, id, body);
  }
}
