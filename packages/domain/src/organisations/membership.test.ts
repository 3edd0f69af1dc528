import { describe, expect, it } from 'vitest';
import { leavesNoOwner, membershipRoleSchema } from './membership.js';

describe('leavesNoOwner', () => {
  it('refuses that the last owner steps down or leaves', () => {
    expect(leavesNoOwner(1, { from: 'owner', to: 'member' })).toBe(true);
    expect(leavesNoOwner(1, { from: 'owner', to: null })).toBe(true);
  });

  it('lets an owner step down or leave when another owner stays', () => {
    expect(leavesNoOwner(2, { from: 'owner', to: 'member' })).toBe(false);
    expect(leavesNoOwner(2, { from: 'owner', to: null })).toBe(false);
  });

  it('never concerns members, nor an owner who stays one', () => {
    expect(leavesNoOwner(1, { from: 'member', to: null })).toBe(false);
    expect(leavesNoOwner(1, { from: 'member', to: 'owner' })).toBe(false);
    expect(leavesNoOwner(1, { from: 'owner', to: 'owner' })).toBe(false);
  });
});

describe('membershipRoleSchema', () => {
  it('knows two roles and says so in French', () => {
    expect(membershipRoleSchema.parse('owner')).toBe('owner');
    const result = membershipRoleSchema.safeParse('admin');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/^Choisissez un rôle/);
  });
});
