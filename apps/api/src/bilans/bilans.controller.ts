import { Controller, Param, ParseIntPipe, ParseUUIDPipe } from '@nestjs/common';
import {
  contract,
  type NationalEditionBody,
  type ResponseOf,
  type SaveBilanInput,
  type SubmitBilanInput,
} from '@nec/contracts';
import { type Actor, CurrentActor, Roles } from '../auth/actor.js';
import { badRequest, notFound } from '../common/errors.js';
import { Route } from '../common/route.js';
import { ZodBody } from '../common/zod.js';
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

const routes = contract.bilans;
const editions = contract.nationalEditions;

/**
 * The bilan of a NEC local, after its event. Analysts never see a dossier's bilan: they read
 * the aggregated figures of the reporting. Photos of the event are attachments of kind
 * `bilan-photo` (attachments feature).
 */
@Controller()
export class BilansController {
  constructor(private readonly bilans: BilansService) {}

  @Route(routes.markEventHeld)
  @Roles('applicant', 'instructor', 'admin')
  markEventHeld(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
  ): Promise<ResponseOf<typeof routes.markEventHeld>> {
    return this.bilans.markEventHeld(actor, id);
  }

  @Route(routes.get)
  @Roles('applicant', 'instructor', 'admin')
  get(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
  ): Promise<ResponseOf<typeof routes.get>> {
    return this.bilans.get(actor, id);
  }

  @Route(routes.save)
  @Roles('applicant')
  save(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodBody(routes.save.body) body: SaveBilanInput,
  ): Promise<ResponseOf<typeof routes.save>> {
    return this.bilans.save(actor, id, body);
  }

  @Route(routes.submit)
  @Roles('applicant')
  submit(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
    @ZodBody(routes.submit.body) body: SubmitBilanInput,
  ): Promise<ResponseOf<typeof routes.submit>> {
    return this.bilans.submit(actor, id, body);
  }
}

/** Closing a dossier once its bilan is in (instruction side). */
@Controller()
export class CloseDossierController {
  constructor(private readonly bilans: BilansService) {}

  @Route(routes.close)
  @Roles('instructor', 'admin')
  close(
    @CurrentActor() actor: Actor,
    @Param('id', dossierId) id: string,
  ): Promise<ResponseOf<typeof routes.close>> {
    return this.bilans.close(actor, id);
  }
}

@Controller()
export class NationalEditionsController {
  constructor(private readonly bilans: BilansService) {}

  @Route(editions.list)
  @Roles('admin', 'analyst')
  list(): Promise<ResponseOf<typeof editions.list>> {
    return this.bilans.listNationalEditions();
  }
}

@Controller()
@Roles('admin')
export class AdminNationalEditionsController {
  constructor(private readonly bilans: BilansService) {}

  @Route(editions.put)
  put(
    @CurrentActor() actor: Actor,
    @Param('year', editionYear()) year: number,
    @ZodBody(editions.put.body) body: NationalEditionBody,
  ): Promise<ResponseOf<typeof editions.put>> {
    return this.bilans.putNationalEdition(actor, year, body);
  }
}
