import { computed, ref, watch, type Ref } from 'vue';
import { isoDateSchema, type CallKind } from '@nec/domain';
import type { CampaignDto, OrganisationDto } from '@nec/contracts';
import { failureMessage, useAsync } from '@nec/ui';
import { api, ApiError } from '../../../api/index.js';

/** Calls whose dossier is for an event on a date: the campaign follows from that date. */
export function isDatedCall(kind: CallKind | null): boolean {
  return kind === 'nec-local';
}

/**
 * The campaign to file under, for an event on `eventDate`: asked to the API (the domain's
 * `campaignForEvent`, on the server's date), so that an organiser writing in autumn for an event
 * next year lands in next year's call without having to know it exists.
 */
function useCampaignForEvent(callKind: Ref<CallKind | null>, eventDate: Ref<string>) {
  const campaign = ref<CampaignDto | null>(null);
  const problem = ref<string | null>(null);
  const looking = ref(false);
  let asked = 0;
  watch(
    [callKind, eventDate],
    async ([kind, date]) => {
      const ticket = ++asked;
      campaign.value = null;
      problem.value = null;
      if (!kind || !isDatedCall(kind) || !isoDateSchema.safeParse(date).success) return;
      looking.value = true;
      try {
        const found = await api.campaigns.forEvent({ query: { call: kind, date } });
        if (ticket === asked) campaign.value = found;
      } catch (error) {
        if (ticket !== asked) return;
        problem.value =
          error instanceof ApiError && error.code === 'no-campaign-for-event'
            ? `${error.message} Vérifiez la date, ou revenez quand l’appel de cette année-là sera ouvert.`
            : failureMessage(error);
      } finally {
        if (ticket === asked) looking.value = false;
      }
    },
    { immediate: true },
  );
  return { campaign, problem, looking };
}

/**
 * Starting a dossier: the kind of call, the event's date (which picks the campaign) or the open
 * campaign of that call, and the organisation that carries the project.
 */
export function useNewDossier(preselectedCampaignId: string | null) {
  const choices = useAsync(async () => {
    const [campaigns, organisations] = await Promise.all([
      api.campaigns.list({ query: { status: 'open', pageSize: 100 } }),
      api.organisations.mine({ query: { pageSize: 100 } }),
    ]);
    return { campaigns: campaigns.items, organisations: organisations.items };
  });
  const callKind = ref<CallKind | null>(null);
  const eventDate = ref('');
  const chosenCampaignId = ref<string | null>(preselectedCampaignId);
  const organisationId = ref<string | null>(null);
  const forEvent = useCampaignForEvent(callKind, eventDate);

  const openCampaigns = computed(() => choices.data?.campaigns ?? []);
  const organisations = computed<OrganisationDto[]>(() => choices.data?.organisations ?? []);
  const openKinds = computed(() => [...new Set(openCampaigns.value.map((c) => c.callKind))]);
  const campaignsOfKind = computed(() =>
    openCampaigns.value.filter((c) => c.callKind === callKind.value),
  );

  watch(
    () => choices.data,
    (data) => {
      if (!data) return;
      if (data.organisations.length === 1) organisationId.value = data.organisations[0]!.id;
      const preselected = data.campaigns.find((c) => c.id === chosenCampaignId.value);
      callKind.value =
        preselected?.callKind ?? (openKinds.value.length === 1 ? openKinds.value[0]! : null);
    },
  );
  watch(campaignsOfKind, (list) => {
    if (list.length === 1) chosenCampaignId.value = list[0]!.id;
    else if (!list.some((c) => c.id === chosenCampaignId.value)) chosenCampaignId.value = null;
  });

  /** The campaign the dossier will be filed under, once the choices allow to know it. */
  const campaign = computed<CampaignDto | null>(() =>
    isDatedCall(callKind.value)
      ? forEvent.campaign.value
      : (campaignsOfKind.value.find((c) => c.id === chosenCampaignId.value) ?? null),
  );

  return {
    choices,
    callKind,
    eventDate,
    chosenCampaignId,
    organisationId,
    openKinds,
    campaignsOfKind,
    organisations,
    campaign,
    campaignProblem: forEvent.problem,
    lookingUpCampaign: forEvent.looking,
  };
}
