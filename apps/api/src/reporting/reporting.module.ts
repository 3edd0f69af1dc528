import { Module } from '@nestjs/common';
import { BilansModule } from '../bilans/bilans.module.js';
import {
  OpenDataController,
  PublicReportingController,
  ReportingController,
} from './reporting.controller.js';
import { ReportingRepository } from './reporting.repository.js';
import { ReportingService } from './reporting.service.js';

/**
 * Reporting for analysts and admins (aggregates of the submitted bilans, national editions)
 * and the public open data file with its Table Schema.
 */
@Module({
  imports: [BilansModule],
  controllers: [ReportingController, PublicReportingController, OpenDataController],
  providers: [ReportingRepository, ReportingService],
})
export class ReportingModule {}
