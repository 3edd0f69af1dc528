import type { NecLocalBilan } from '@nec/domain';
import type { EventBilanDto, ProvenanceDto, ReportingEventDto } from '@nec/contracts';

/**
 * The reporting routes answer the contract's shapes (`@nec/contracts`, `reporting.ts`): the
 * types below are the repository's rows, derived from them.
 */

/** Where figures come from (`ReportingRepository.provenance`): the response's part as it is. */
export type ProvenanceRow = ProvenanceDto;

/** An event as the drill-down lists it: keys and attendance only. */
export type EventSummaryRow = ReportingEventDto;

/** One event's keys and its bilan as submitted, people included (see `toEventBilanDto`). */
export type EventRow = Omit<EventBilanDto, 'bilan'> & { content: NecLocalBilan };

/** One event's bilan without what names people: the team, the preparation meetings, comments. */
export function toEventBilanDto({ content, ...keys }: EventRow): EventBilanDto {
  const { team: _team, preparation: _preparation, comments: _comments, ...bilan } = content;
  return { ...keys, bilan };
}
