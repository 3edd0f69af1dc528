import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionDto } from '@nec/contracts';

const calls = vi.hoisted(() => ({
  signIn: vi.fn(),
  signOut: vi.fn(),
  session: vi.fn(),
  mfaVerify: vi.fn(),
}));
vi.mock('../../api/index.js', () => ({ api: { auth: calls } }));

const { session, signIn, verifySecondFactor, finishEnrolment, requireAnalyst } =
  await import('./session.js');

const analyst = (mfaPending: SessionDto['mfaPending']): SessionDto => ({
  user: {
    id: '00000000-0000-4000-8000-000000000001',
    email: 'analyste@nec.example',
    displayName: 'Analyste',
    role: 'analyst',
  },
  csrfToken: 'jeton',
  mfaEnabled: mfaPending !== 'enrol',
  mfaPending,
});
const dashboard = { meta: { analyst: true }, fullPath: '/tableau-de-bord' } as never;

describe('the reporting app’s session', () => {
  beforeEach(() => {
    for (const call of Object.values(calls)) call.mockReset();
    calls.signOut.mockResolvedValue(undefined);
  });

  it('is not open while the second factor is due, and opens once the code is right', async () => {
    calls.signIn.mockResolvedValue(analyst('verify'));
    expect(await signIn('analyste@nec.example', 'secret')).toBe('second-factor');
    expect(session.pending).toBe('verify');
    expect(session.signedIn).toBe(false);
    expect(await requireAnalyst(dashboard)).toEqual({
      path: '/connexion',
      query: { retour: '/tableau-de-bord' },
    });

    calls.mfaVerify.mockResolvedValue(analyst(null));
    await verifySecondFactor('123456');
    expect(calls.mfaVerify).toHaveBeenCalledWith({ body: { code: '123456' } });
    expect(session.signedIn).toBe(true);
    expect(await requireAnalyst(dashboard)).toBe(true);
  });

  it('reads the session again once an agent has enrolled', async () => {
    calls.signIn.mockResolvedValue(analyst('enrol'));
    expect(await signIn('analyste@nec.example', 'secret')).toBe('second-factor');
    expect(session.pending).toBe('enrol');
    calls.session.mockResolvedValue(analyst(null));
    await finishEnrolment();
    expect(session.signedIn).toBe(true);
  });

  it('signs out at once an account that may not read the dashboard', async () => {
    calls.signIn.mockResolvedValue({
      ...analyst('verify'),
      user: { ...analyst('verify').user, role: 'instructor' },
    });
    expect(await signIn('instructrice@nec.example', 'secret')).toBe('not-a-reader');
    expect(calls.signOut).toHaveBeenCalled();
    expect(session.user).toBeNull();
    expect(session.pending).toBeNull();
  });
});
