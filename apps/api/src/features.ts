import type { Type } from '@nestjs/common';

/** The business feature modules, one folder each. */
export const featureModules: Type[] = [];
