import { ref } from 'vue';
import type { MemberDto, MyOrganisationDto } from '@nec/contracts';
import { failureMessage } from '@nec/ui';
import { api } from '../../api/index.js';
import { outcomeOf, type MemberAction } from './memberships.js';

/** What the page is told once an action went through. */
export type ActionOutcome = { message: string; left: boolean };

/**
 * Changes of membership from the members list: the API call, which row is busy and the refusal
 * in words (e.g. the last owner stepping down: the API's 409 message).
 */
export function useMemberActions(organisation: () => MyOrganisationDto, callerId: () => string) {
  /** The action under way, on whose row (one at a time in the list). */
  const busy = ref<{ action: MemberAction; userId: string } | null>(null);
  const failure = ref<string | null>(null);

  async function call(action: MemberAction, userId: string): Promise<void> {
    const params = { id: organisation().id, userId };
    if (action === 'promote' || action === 'demote') {
      const role = action === 'promote' ? 'owner' : 'member';
      await api.organisations.setMemberRole({ params, body: { role } });
    } else {
      await api.organisations.removeMember({ params });
    }
  }

  /** Runs the action; its outcome, or null when it was refused (`failure` then says why). */
  async function run(action: MemberAction, member: MemberDto): Promise<ActionOutcome | null> {
    busy.value = { action, userId: member.userId };
    failure.value = null;
    try {
      await call(action, member.userId);
      const self = member.userId === callerId();
      return {
        message: outcomeOf(action, member, organisation().name, self),
        left: action === 'leave',
      };
    } catch (error) {
      failure.value = failureMessage(error);
      return null;
    } finally {
      busy.value = null;
    }
  }

  return { busy, failure, run };
}
