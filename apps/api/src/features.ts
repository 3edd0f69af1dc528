import type { Type } from '@nestjs/common';
import { DossiersModule } from './dossiers/dossiers.module.js';

/** The business feature modules, one folder each. */
export const featureModules: Type[] = [DossiersModule];
