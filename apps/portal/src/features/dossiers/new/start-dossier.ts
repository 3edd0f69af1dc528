import type { CampaignDto, OrganisationDto } from '@nec/contracts';
import { api } from '../../../api/index.js';

/**
 * Creates the dossier, then pre-fills what the organiser already told: the organisation as lead
 * organiser and, for a dated call, the event's date (one thing less to type twice).
 * Returns the new dossier's id.
 */
export async function startDossier(
  campaign: CampaignDto,
  organisation: OrganisationDto,
  eventDate: string | null,
): Promise<string> {
  const created = await api.dossiers.create({
    body: { campaignId: campaign.id, organisationId: organisation.id },
  });
  await api.dossiers.saveDraft({
    params: { id: created.id },
    body: {
      version: created.version,
      content: {
        organisers: [
          {
            name: organisation.name,
            siret: organisation.siret,
            category: organisation.category,
            role: 'lead',
          },
        ],
        requests: { label: true },
        ...(eventDate ? { event: { startDate: eventDate } } : {}),
      },
    },
  });
  return created.id;
}
