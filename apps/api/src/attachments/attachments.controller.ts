import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
  StreamableFile,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type Actor, CurrentActor, Roles } from '../auth/actor.js';
import { notFound } from '../common/errors.js';
import { ZodPipe } from '../common/zod.js';
import { UploadErrorFilter } from './attachment-errors.js';
import { uploadKinds } from '@nec/domain';
import { uploadFieldsSchema, type UploadFields } from './attachments.schemas.js';
import { AttachmentsService, type UploadedBytes } from './attachments.service.js';
import { acceptedFileTypes } from './file-types.js';

/** A malformed id is answered like an unknown one. */
const dossierId = new ParseUUIDPipe({
  exceptionFactory: () => notFound('Ce dossier est introuvable.'),
});
const attachmentId = new ParseUUIDPipe({
  exceptionFactory: () => notFound('Ce document est introuvable.'),
});

@ApiTags('Pièces jointes')
@Controller('api/dossiers/:id/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @Roles('applicant')
  @UseInterceptors(FileInterceptor('file'))
  @UseFilters(UploadErrorFilter)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'kind'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: `Formats acceptés (reconnus sur le contenu) : ${acceptedFileTypes.map((t) => t.ext).join(', ')}.`,
        },
        kind: { type: 'string', enum: [...uploadKinds], description: 'Type de document.' },
      },
    },
  })
  @ApiOperation({
    summary:
      'Joindre un document au dossier (type reconnu sur le contenu, analyse antivirus ensuite)',
  })
  upload(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @Body(new ZodPipe(uploadFieldsSchema)) fields: UploadFields,
    @UploadedFile() file: UploadedBytes | undefined,
  ) {
    return this.attachments.upload(actor, id, fields, file);
  }

  @Get()
  @Roles('applicant', 'instructor', 'admin')
  @ApiOperation({
    summary: 'Les documents joints au dossier (métadonnées et état de l’analyse antivirus)',
  })
  list(@CurrentActor() actor: Actor, @Param('id', dossierId) id: string) {
    return this.attachments.list(actor, id);
  }

  @Get(':attachmentId')
  @Roles('applicant', 'instructor', 'admin')
  @ApiProduces('application/octet-stream')
  @ApiOperation({
    summary: 'Télécharger un document (seulement une fois déclaré sain par l’antivirus)',
  })
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

  @Delete(':attachmentId')
  @Roles('applicant')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Retirer un document (brouillon, ou complément demandé non encore transmis)',
  })
  async remove(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @Param('attachmentId', attachmentId) fileId: string,
  ): Promise<void> {
    await this.attachments.remove(actor, id, fileId);
  }
}
