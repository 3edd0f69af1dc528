import {
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Put,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '../auth/actor.js';
import { badRequest, notFound } from '../common/errors.js';
import { ZodBody } from '../common/zod.js';
import type {
  BilanDto,
  DossierStepDto,
  NationalEditionDto,
  NationalEditionsDto,
} from './bilans.dto.js';
import {
  nationalEditionBodySchema,
  saveBilanSchema,
  submitBilanSchema,
  type NationalEditionBody,
  type SaveBilanInput,
  type SubmitBilanInput,
} from './bilans.schemas.js';
import { BilansService } from './bilans.service.js';

/** A malformed id is answered like an unknown one. */
const dossierId = new ParseUUIDPipe({
  exceptionFactory: () => notFound('Ce dossier est introuvable.'),
});
/** The year in the address of an edition. */
function editionYear(): ParseIntPipe {
  return new ParseIntPipe({
    exceptionFactory: () =>
      badRequest('invalid-year', 'L’année doit être un nombre entier, par exemple 2024.'),
  });
}

/**
 * The bilan of a NEC local, after its event. Analysts never see a dossier's bilan: they read
 * the aggregated figures of the reporting. Photos of the event are attachments of kind
 * `bilan-photo` (attachments feature).
 */
@ApiTags('Bilans')
@Controller('api/dossiers')
export class BilansController {
  constructor(private readonly bilans: BilansService) {}

  @Post(':id/event-held')
  @Roles('applicant', 'instructor', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Déclarer l’événement comme tenu (possible à partir de son dernier jour)',
  })
  markEventHeld(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
  ): Promise<DossierStepDto> {
    return this.bilans.markEventHeld(actor, id);
  }

  @Get(':id/bilan')
  @Roles('applicant', 'instructor', 'admin')
  @ApiOperation({
    summary:
      'Le bilan de l’événement, à côté des chiffres prévus (pré-rempli tant qu’il n’est pas enregistré)',
  })
  get(@CurrentActor() actor: Actor, @Param('id', dossierId) id: string): Promise<BilanDto> {
    return this.bilans.get(actor, id);
  }

  @Put(':id/bilan')
  @Roles('applicant')
  @ApiOperation({
    summary:
      'Enregistrer le brouillon du bilan (verrou optimiste : 409 si la version a changé ; version 0 au premier enregistrement)',
    description:
      'Comme le brouillon d’un dossier : enregistré tel que saisi, champs invalides listés dans `draftIssues` ; valeurs impossibles à enregistrer (caractère nul ou mal encodé) écartées et listées dans `unsaved`, le reste étant enregistré.',
  })
  save(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodBody(saveBilanSchema) body: SaveBilanInput,
  ) {
    return this.bilans.save(actor, id, body);
  }

  @Post(':id/bilan/submit')
  @Roles('applicant')
  @HttpCode(200)
  @ApiOperation({ summary: 'Déposer le bilan (validation complète, bilan figé)' })
  submit(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodBody(submitBilanSchema) body: SubmitBilanInput,
  ): Promise<BilanDto> {
    return this.bilans.submit(actor, id, body);
  }
}

/** Closing a dossier once its bilan is in (instruction side). */
@ApiTags('Bilans')
@Controller('api/instruction/dossiers')
export class CloseDossierController {
  constructor(private readonly bilans: BilansService) {}

  @Post(':id/close')
  @Roles('instructor', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Clore le dossier après le dépôt du bilan' })
  close(@CurrentActor() actor: Actor, @Param('id', dossierId) id: string): Promise<DossierStepDto> {
    return this.bilans.close(actor, id);
  }
}

/** The national editions' published figures: no personal data, so analysts read them too. */
@ApiTags('Éditions nationales')
@Controller('api/national-editions')
export class NationalEditionsController {
  constructor(private readonly bilans: BilansService) {}

  @Get()
  @Roles('admin', 'analyst')
  @ApiOperation({ summary: 'Les éditions nationales et leurs chiffres publiés, avec les cumuls' })
  list(): Promise<NationalEditionsDto> {
    return this.bilans.listNationalEditions();
  }
}

@ApiTags('Éditions nationales')
@Controller('api/admin/national-editions')
@Roles('admin')
export class AdminNationalEditionsController {
  constructor(private readonly bilans: BilansService) {}

  @Put(':year')
  @ApiOperation({
    summary: 'Créer ou remplacer les chiffres d’une édition nationale (champ inconnu refusé)',
  })
  put(
    @CurrentActor() actor: Actor,
    @Param('year', editionYear()) year: number,
    @ZodBody(nationalEditionBodySchema) body: NationalEditionBody,
  ): Promise<NationalEditionDto> {
    return this.bilans.putNationalEdition(actor, year, body);
  }
}
