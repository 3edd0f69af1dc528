import { Controller, Header, Param, UseGuards } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import { contract, type ResponseOf, type TerritorySearchQuery } from '@nec/contracts';
import { Public } from '../auth/actor.js';
import { Route } from '../common/route.js';
import { ZodQuery } from '../common/zod.js';
import { ReferenceService } from './reference.service.js';

const routes = contract.reference;

/** The official reference changes once a year: caches may keep it an hour. */
const REFERENCE_CACHE = 'public, max-age=3600';

/**
 * Official territories and charter versions (public data that changes once a year), and where
 * people write (the deployment's addresses).
 */
@Controller()
@UseGuards(ThrottlerGuard)
@SkipThrottle({ auth: true })
export class ReferenceController {
  constructor(private readonly reference: ReferenceService) {}

  @Route(routes.territories)
  @Public()
  @Header('Cache-Control', REFERENCE_CACHE)
  search(
    @ZodQuery(routes.territories.query) query: TerritorySearchQuery,
  ): ResponseOf<typeof routes.territories> {
    return this.reference.searchTerritories(query);
  }

  @Route(routes.charters)
  @Public()
  @Header('Cache-Control', REFERENCE_CACHE)
  list(): ResponseOf<typeof routes.charters> {
    return this.reference.listCharters();
  }

  @Route(routes.contacts)
  @Public()
  @Header('Cache-Control', 'public, max-age=300')
  contacts(): ResponseOf<typeof routes.contacts> {
    return this.reference.contacts();
  }

  @Route(routes.charter)
  @Public()
  @Header('Cache-Control', REFERENCE_CACHE)
  get(@Param('version') version: string): ResponseOf<typeof routes.charter> {
    return this.reference.charter(version);
  }
}
