import { describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { necIcons } from '../src/dsfr/icons.js';
import SecondFactorVerify from '../src/second-factor/SecondFactorVerify.vue';
import SecondFactorEnrol from '../src/second-factor/SecondFactorEnrol.vue';
import {
  codeFailure,
  frenchTime,
  groupSecret,
  qrCodePath,
  recoveryCodesText,
} from '../src/second-factor/second-factor.js';

/** What the typed client throws, by shape (this package does not depend on it). */
function apiError(status: number, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { status, fieldErrors: {}, ...extra });
}
const invalidCode = () =>
  apiError(400, 'Ce code n’est pas valide.', {
    fieldErrors: { code: 'Ce code n’est pas valide (ou a déjà servi).' },
  });

// The icons from our offline subset: no request to an icon API during the tests.
const global = { plugins: [necIcons] };

const setup = {
  secret: 'WED65RS7TCGFOSVVCU7IS2YFVDUV5FKI',
  otpauthUri: 'otpauth://totp/NEC:analyste%40nec.example?secret=WED65RS7TCGFOSVVCU7IS2YFVDUV5FKI',
};
const codes = Array.from({ length: 10 }, (_, i) => `ab${i}c-d${i}ef`);

describe('second-factor helpers', () => {
  it('groups a secret four signs at a time', () => {
    expect(groupSecret(setup.secret)).toBe('WED6 5RS7 TCGF OSVV CU7I S2YF VDUV 5FKI');
    expect(groupSecret('ABCDEF')).toBe('ABCD EF');
  });

  it('puts a refused code on the field, a 429 above the form with its time', () => {
    expect(codeFailure(invalidCode())).toEqual({
      field: 'Ce code n’est pas valide (ou a déjà servi).',
      alert: null,
      retryAt: null,
    });
    const now = new Date(2026, 10, 30, 14, 0, 0);
    const limited = codeFailure(
      apiError(429, 'Trop de tentatives échouées. Réessayez dans 5 minutes.', {
        retryAfterSeconds: 300,
      }),
      now,
    );
    expect(limited.alert).toBe('Trop de tentatives échouées. Réessayez dans 5 minutes.');
    expect(limited.retryAt && frenchTime(limited.retryAt)).toBe('14 h 05');
    expect(codeFailure(new TypeError('fetch failed')).alert).toMatch(/indisponible|joindre/);
  });

  it('writes the recovery codes’ file with the account and one code a line', () => {
    const text = recoveryCodesText(['aaaa-bbbb', 'cccc-dddd'], {
      account: 'agent@nec.example',
      service: 'Numérique en Commun[s]',
      createdAt: new Date(2026, 10, 30),
    });
    expect(text).toContain('Compte : agent@nec.example');
    expect(text).toContain('30 novembre 2026');
    expect(text.split('\r\n')).toEqual(expect.arrayContaining(['aaaa-bbbb', 'cccc-dddd']));
  });

  it('draws the dark modules of a QR code, merged along rows', () => {
    expect(
      qrCodePath([
        [true, true, false],
        [false, true, true],
      ]),
    ).toBe('M0 0h2v1h-2zM1 1h2v1h-2z');
  });
});

describe('SecondFactorVerify', () => {
  it('asks a six-digit code with the one-time-code hints, and sends it without spaces', async () => {
    const verify = vi.fn().mockResolvedValue(undefined);
    const wrapper = mount(SecondFactorVerify, {
      props: { verify },
      global,
      attachTo: document.body,
    });
    const input = wrapper.get('input#champ-code');
    expect(input.attributes('inputmode')).toBe('numeric');
    expect(input.attributes('autocomplete')).toBe('one-time-code');
    await input.setValue('123 456');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(verify).toHaveBeenCalledWith('123456');
    expect(wrapper.emitted('done')).toHaveLength(1);
    wrapper.unmount();
  });

  it('shows the API’s message on the field, announced, and keeps the person on the step', async () => {
    const verify = vi.fn().mockRejectedValue(invalidCode());
    const wrapper = mount(SecondFactorVerify, {
      props: { verify },
      global,
      attachTo: document.body,
    });
    await wrapper.get('input#champ-code').setValue('000000');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    const error = wrapper.get('#champ-code-erreur');
    expect(error.text()).toBe('Ce code n’est pas valide (ou a déjà servi).');
    expect(error.element.parentElement?.getAttribute('role')).toBe('alert');
    expect(wrapper.get('input#champ-code').attributes('aria-describedby')).toContain(
      'champ-code-erreur',
    );
    expect(wrapper.emitted('done')).toBeUndefined();
    wrapper.unmount();
  });

  it('checks the code with the contract’s schema before calling the API', async () => {
    const verify = vi.fn();
    const wrapper = mount(SecondFactorVerify, { props: { verify }, global });
    await wrapper.get('input#champ-code').setValue('12');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(verify).not.toHaveBeenCalled();
    expect(wrapper.get('#champ-code-erreur').text()).toMatch(/6 chiffres/);
  });

  it('says when to try again after too many codes', async () => {
    const verify = vi.fn().mockRejectedValue(
      apiError(429, 'Trop de tentatives échouées. Réessayez dans 2 minutes.', {
        retryAfterSeconds: 120,
      }),
    );
    const wrapper = mount(SecondFactorVerify, { props: { verify }, global });
    await wrapper.get('input#champ-code').setValue('123456');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.text()).toContain('Réessayez dans 2 minutes.');
    expect(wrapper.text()).toMatch(/Vous pourrez réessayer à partir de \d{1,2} h \d{2}\./);
  });

  it('switches to a recovery code and back', async () => {
    const verify = vi.fn().mockResolvedValue(undefined);
    const wrapper = mount(SecondFactorVerify, { props: { verify }, global });
    await wrapper.get('button.fr-link').trigger('click');
    const input = wrapper.get('input#champ-code');
    expect(input.attributes('inputmode')).toBeUndefined();
    expect(wrapper.get('label').text()).toContain('Code de secours');
    await input.setValue('ab2c-d3ef');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(verify).toHaveBeenCalledWith('ab2c-d3ef');
    await wrapper.get('button.fr-link').trigger('click');
    expect(wrapper.get('input#champ-code').attributes('inputmode')).toBe('numeric');
  });
});

describe('SecondFactorEnrol', () => {
  async function enrolled() {
    const enable = vi.fn().mockRejectedValueOnce(invalidCode()).mockResolvedValue({
      recoveryCodes: codes,
    });
    const wrapper = mount(SecondFactorEnrol, {
      props: { setup: vi.fn().mockResolvedValue(setup), enable, account: 'agent@nec.example' },
      global,
      attachTo: document.body,
    });
    await flushPromises();
    return { wrapper, enable };
  }

  it('shows the QR code and the secret in groups, then confirms with a first code', async () => {
    const { wrapper, enable } = await enrolled();
    await vi.waitFor(() => expect(wrapper.find('svg[role="img"] path').exists()).toBe(true));
    expect(wrapper.get('svg[role="img"] path').attributes('d')).toMatch(/^M\d+ \d+h/);
    expect(wrapper.text()).toContain('WED6 5RS7 TCGF OSVV CU7I S2YF VDUV 5FKI');
    expect(wrapper.find(`a[href="${setup.otpauthUri}"]`).exists()).toBe(true);

    await wrapper.get('input#champ-code').setValue('111111');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('#champ-code-erreur').text()).toMatch(/pas valide/);

    await wrapper.get('input#champ-code').setValue('222222');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(enable).toHaveBeenLastCalledWith('222222');
    expect(wrapper.findAll('.nec-recovery-codes__list li')).toHaveLength(10);
    expect(document.activeElement?.id).toBe('double-authentification-titre');
    wrapper.unmount();
  });

  it('goes on only once the person says the recovery codes are kept', async () => {
    const { wrapper } = await enrolled();
    await wrapper.get('input#champ-code').setValue('111111');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    await wrapper.get('input#champ-code').setValue('222222');
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    const next = wrapper.findAll('button').find((b) => b.text() === 'Continuer');
    await next!.trigger('click');
    expect(wrapper.emitted('done')).toBeUndefined();
    expect(wrapper.get('#codes-conserves-erreur').text()).toMatch(/Cochez la case/);
    await wrapper.get('input#codes-conserves').setValue(true);
    await next!.trigger('click');
    expect(wrapper.emitted('done')).toHaveLength(1);
    wrapper.unmount();
  });

  it('copies the codes and downloads them as a text file', async () => {
    const { wrapper } = await enrolled();
    await wrapper.get('input#champ-code').setValue('111111');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    await wrapper.get('input#champ-code').setValue('222222');
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Copier les codes')!
      .trigger('click');
    await flushPromises();
    expect(writeText).toHaveBeenCalledWith(expect.stringContaining(codes.join('\r\n')));
    expect(wrapper.text()).toContain('Les codes sont copiés');

    const downloaded: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      downloaded.push(this.download);
    });
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Télécharger (.txt)')!
      .trigger('click');
    expect(downloaded).toEqual(['codes-de-secours-numerique-en-communs.txt']);
    click.mockRestore();
    wrapper.unmount();
  });

  it('offers to try again when the setup fails', async () => {
    const setupCall = vi
      .fn()
      .mockRejectedValueOnce(apiError(503, 'Service indisponible'))
      .mockResolvedValue(setup);
    const wrapper = mount(SecondFactorEnrol, {
      props: { setup: setupCall, enable: vi.fn(), account: 'agent@nec.example' },
      global,
    });
    await flushPromises();
    expect(wrapper.text()).toContain('momentanément indisponible');
    await wrapper
      .findAll('button')
      .find((b) => b.text().includes('Réessayer'))!
      .trigger('click');
    await flushPromises();
    expect(wrapper.find('input#champ-code').exists()).toBe(true);
  });
});
