import { hasPublishedFigures, type NationalEditionBilan } from '@nec/domain';
import type { NationalEditionDto } from '@nec/contracts';

export function toNationalEditionDto(
  edition: NationalEditionBilan,
  updatedAt: Date,
): NationalEditionDto {
  return {
    ...edition,
    hasPublishedFigures: hasPublishedFigures(edition),
    updatedAt: updatedAt.toISOString(),
  };
}
