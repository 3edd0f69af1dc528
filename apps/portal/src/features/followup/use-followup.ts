import { computed } from 'vue';
import type { AttachmentDto, InformationRequestDto, MessageDto, Page } from '@nec/contracts';
import { MAX_PAGE_SIZE } from '@nec/contracts';
import { useAsync } from '@nec/ui';
import { api } from '../../api/index.js';

/** Every item of a paged list, page after page (the lists of one dossier stay short). */
export async function allItems<T>(load: (page: number) => Promise<Page<T>>): Promise<T[]> {
  const first = await load(1);
  const items = [...first.items];
  const pages = Math.ceil(first.total / first.pageSize);
  for (let page = 2; page <= pages; page += 1) items.push(...(await load(page)).items);
  return items;
}

/**
 * What the follow-up page shows, loaded side by side: the dossier, its information requests,
 * its messages and its files. Each part keeps its own loading and error state, so a failing
 * list does not hide the rest.
 */
export function useFollowup(id: string) {
  const params = { id };
  const pageSize = MAX_PAGE_SIZE;
  const dossier = useAsync(() => api.dossiers.get({ params }));
  const requests = useAsync<InformationRequestDto[]>(() =>
    allItems((page) =>
      api.exchanges.listInformationRequests({ params, query: { page, pageSize } }),
    ),
  );
  const messages = useAsync<MessageDto[]>(() =>
    allItems((page) => api.exchanges.listMessages({ params, query: { page, pageSize } })),
  );
  const attachments = useAsync<AttachmentDto[]>(() =>
    allItems((page) => api.attachments.list({ params, query: { page, pageSize } })),
  );

  /** Requests still waiting for an answer, the nearest deadline first. */
  const openRequests = computed(() =>
    (requests.data ?? [])
      .filter((r) => r.answeredAt === null)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
  );

  /** After a step (an answer, the event declared held): what it changed, read again. */
  async function refresh(): Promise<void> {
    await Promise.all([dossier.reload(), requests.reload(), attachments.reload()]);
  }

  return { dossier, requests, messages, attachments, openRequests, refresh };
}
