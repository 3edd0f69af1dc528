import { Module } from '@nestjs/common';
import { ReferenceController } from './reference.controller.js';
import { ReferenceService } from './reference.service.js';

/**
 * Reference data the apps need from the server: the territory search (the official table is
 * too big for a browser) and the charter's versions. Read from the domain; no table of its own.
 */
@Module({
  controllers: [ReferenceController],
  providers: [ReferenceService],
})
export class ReferenceModule {}
