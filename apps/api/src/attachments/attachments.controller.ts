import {
  Body,
  Controller,
  Param,
  ParseUUIDPipe,
  Res,
  StreamableFile,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { contract, type PageQuery, type ResponseOf, type UploadFields } from '@nec/contracts';
import type { Response } from 'express';
import { type Actor, CurrentActor, Roles } from '../auth/actor.js';
import { notFound } from '../common/errors.js';
import { Route } from '../common/route.js';
import { ZodPipe, ZodQuery } from '../common/zod.js';
import { UploadErrorFilter } from './attachment-errors.js';
import { AttachmentsService, type UploadedBytes } from './attachments.service.js';

const routes = contract.attachments;

/** A malformed id is answered like an unknown one. */
const dossierId = new ParseUUIDPipe({
  exceptionFactory: () => notFound('Ce dossier est introuvable.'),
});
const attachmentId = new ParseUUIDPipe({
  exceptionFactory: () => notFound('Ce document est introuvable.'),
});

@Controller()
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Route(routes.upload)
  @Roles('applicant')
  @UseInterceptors(FileInterceptor('file'))
  @UseFilters(UploadErrorFilter)
  upload(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @Body(new ZodPipe(routes.upload.body)) fields: UploadFields,
    @UploadedFile() file: UploadedBytes | undefined,
  ): Promise<ResponseOf<typeof routes.upload>> {
    return this.attachments.upload(actor, id, fields, file);
  }

  @Route(routes.list)
  @Roles('applicant', 'instructor', 'admin')
  list(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodQuery(routes.list.query) query: PageQuery,
  ): Promise<ResponseOf<typeof routes.list>> {
    return this.attachments.list(actor, id, query);
  }

  @Route(routes.download)
  @Roles('applicant', 'instructor', 'admin')
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @Param('attachmentId', attachmentId) fileId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.attachments.download(actor, id, fileId);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    return new StreamableFile(file.stream, {
      type: file.contentType,
      length: file.length,
      disposition: file.disposition,
    });
  }

  @Route(routes.remove)
  @Roles('applicant')
  async remove(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @Param('attachmentId', attachmentId) fileId: string,
  ): Promise<void> {
    await this.attachments.remove(actor, id, fileId);
  }
}
