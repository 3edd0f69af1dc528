import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { dossierStates, verdictValues } from '@nec/domain';
import { type Actor, CurrentActor, Roles } from '../auth/actor.js';
import { notFound } from '../common/errors.js';
import { ZodBody, ZodQuery } from '../common/zod.js';
import {
  answerSchema,
  assigneeSchema,
  decisionSchema,
  informationRequestSchema,
  interviewNotesSchema,
  interviewSchema,
  messageSchema,
  noteSchema,
  queueQuerySchema,
  queueSorts,
  type AnswerInput,
  type AssigneeInput,
  type DecisionInput,
  type InformationRequestInput,
  type InterviewInput,
  type InterviewNotesInput,
  type MessageInput,
  type NoteInput,
  type QueueQuery,
} from './instruction.schemas.js';
import { InstructionService } from './instruction.service.js';

/** A malformed id is answered like an unknown one. */
const dossierId = new ParseUUIDPipe({
  exceptionFactory: () => notFound('Ce dossier est introuvable.'),
});
const requestId = new ParseUUIDPipe({
  exceptionFactory: () => notFound('Cette demande de compléments est introuvable.'),
});

/**
 * The instruction back-office: instructors (on the campaigns they instruct) and admins. A dossier
 * of another campaign is answered 404, as if it did not exist.
 */
@ApiTags('Instruction')
@Controller('api/instruction/dossiers')
export class InstructionController {
  constructor(private readonly instruction: InstructionService) {}

  @Get()
  @Roles('instructor', 'admin')
  @ApiOperation({
    summary:
      'File d’instruction : dossiers déposés filtrés, triés et paginés, avec le nombre de dossiers par état',
  })
  @ApiQuery({ name: 'campaignId', required: false, type: String })
  @ApiQuery({
    name: 'state',
    required: false,
    isArray: true,
    enum: dossierStates.filter((s) => s !== 'draft'),
  })
  @ApiQuery({ name: 'region', required: false, type: String, description: 'Code INSEE de région' })
  @ApiQuery({
    name: 'subsidyMin',
    required: false,
    type: Number,
    description: 'Subvention demandée minimale, en centimes',
  })
  @ApiQuery({
    name: 'subsidyMax',
    required: false,
    type: Number,
    description: 'Subvention demandée maximale, en centimes',
  })
  @ApiQuery({ name: 'labelVerdict', required: false, enum: verdictValues })
  @ApiQuery({ name: 'subsidyVerdict', required: false, enum: [...verdictValues, 'not-requested'] })
  @ApiQuery({
    name: 'assignee',
    required: false,
    type: String,
    description: 'Identifiant de l’instructeur, ou « none »',
  })
  @ApiQuery({ name: 'eventFrom', required: false, type: String, description: 'AAAA-MM-JJ' })
  @ApiQuery({ name: 'eventTo', required: false, type: String, description: 'AAAA-MM-JJ' })
  @ApiQuery({ name: 'overdue', required: false, enum: ['true', 'false'] })
  @ApiQuery({
    name: 'q',
    required: false,
    type: String,
    description: 'Référence, titre, objectif ou structure',
  })
  @ApiQuery({ name: 'sort', required: false, enum: queueSorts })
  @ApiQuery({ name: 'order', required: false, enum: ['asc', 'desc'] })
  @ApiQuery({ name: 'page', required: false, type: Number })
  @ApiQuery({ name: 'pageSize', required: false, type: Number, description: '100 au plus' })
  queue(@CurrentActor() actor: Actor, @ZodQuery(queueQuerySchema) query: QueueQuery) {
    return this.instruction.queue(actor, query);
  }

  @Put(':id/assignee')
  @Roles('instructor', 'admin')
  @ApiOperation({
    summary:
      'Attribuer le dossier à une personne qui instruit l’appel (ou retirer l’attribution avec null)',
  })
  assign(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodBody(assigneeSchema) body: AssigneeInput,
  ) {
    return this.instruction.assign(actor, id, body);
  }

  @Post(':id/take')
  @Roles('instructor', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Prendre le dossier en instruction (et se l’attribuer s’il n’est attribué à personne)',
  })
  take(@CurrentActor() actor: Actor, @Param('id', dossierId) id: string) {
    return this.instruction.take(actor, id);
  }

  @Post(':id/information-requests')
  @Roles('instructor', 'admin')
  @ApiOperation({ summary: 'Demander des compléments au porteur, avec une date limite de réponse' })
  requestInformation(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodBody(informationRequestSchema) body: InformationRequestInput,
  ) {
    return this.instruction.requestInformation(actor, id, body);
  }

  @Post(':id/interview')
  @Roles('instructor', 'admin')
  @ApiOperation({ summary: 'Prévoir un entretien avec le porteur' })
  scheduleInterview(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodBody(interviewSchema) body: InterviewInput,
  ) {
    return this.instruction.scheduleInterview(actor, id, body);
  }

  @Put(':id/interview/notes')
  @Roles('instructor', 'admin')
  @ApiOperation({
    summary: 'Mettre à jour les notes du dernier entretien (jamais montrées au porteur)',
  })
  updateInterviewNotes(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodBody(interviewNotesSchema) body: InterviewNotesInput,
  ) {
    return this.instruction.updateInterviewNotes(actor, id, body);
  }

  @Post(':id/decision')
  @Roles('instructor', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Accepter (avec ou sans subvention, montant vérifié par les règles de l’appel) ou refuser avec un motif',
  })
  decide(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodBody(decisionSchema) body: DecisionInput,
  ) {
    return this.instruction.decide(actor, id, body);
  }

  @Get(':id/notes')
  @Roles('instructor', 'admin')
  @ApiOperation({ summary: 'Notes privées de l’équipe d’instruction sur le dossier' })
  listNotes(@CurrentActor() actor: Actor, @Param('id', dossierId) id: string) {
    return this.instruction.listNotes(actor, id);
  }

  @Post(':id/notes')
  @Roles('instructor', 'admin')
  @ApiOperation({ summary: 'Ajouter une note privée (jamais montrée au porteur)' })
  addNote(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodBody(noteSchema) body: NoteInput,
  ) {
    return this.instruction.addNote(actor, id, body);
  }
}

/** What the applicant and the ANCT team exchange about a dossier (under `/api/dossiers`). */
@ApiTags('Échanges sur un dossier')
@Controller('api/dossiers')
export class DossierExchangesController {
  constructor(private readonly instruction: InstructionService) {}

  @Get(':id/information-requests')
  @Roles('applicant', 'instructor', 'admin')
  @ApiOperation({
    summary: 'Demandes de compléments du dossier, avec leur réponse et leur retard éventuel',
  })
  listInformationRequests(@CurrentActor() actor: Actor, @Param('id', dossierId) id: string) {
    return this.instruction.listInformationRequests(actor, id);
  }

  @Post(':id/information-requests/:requestId/answer')
  @Roles('applicant')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Répondre à une demande de compléments (le dossier revient en instruction)',
  })
  answer(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @Param('requestId', requestId) request: string,
    @ZodBody(answerSchema) body: AnswerInput,
  ) {
    return this.instruction.answerInformation(actor, id, request, body);
  }

  @Get(':id/messages')
  @Roles('applicant', 'instructor', 'admin')
  @ApiOperation({ summary: 'Messages échangés entre le porteur et l’équipe de l’ANCT' })
  listMessages(@CurrentActor() actor: Actor, @Param('id', dossierId) id: string) {
    return this.instruction.listMessages(actor, id);
  }

  @Post(':id/messages')
  @Roles('applicant', 'instructor', 'admin')
  @ApiOperation({ summary: 'Écrire un message sur le dossier (5 000 caractères au plus)' })
  postMessage(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodBody(messageSchema) body: MessageInput,
  ) {
    return this.instruction.postMessage(actor, id, body);
  }
}
