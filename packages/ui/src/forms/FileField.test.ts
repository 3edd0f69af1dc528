import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import FileField from './FileField.vue';
import { chosenWords } from './file-field.js';

const file = (name: string) => new File(['x'], name, { type: 'image/jpeg' });

/** Puts files in the input as the browser's picker would, then fires its `change`. */
async function choose(input: HTMLInputElement, files: File[]): Promise<void> {
  Object.defineProperty(input, 'files', { configurable: true, value: files });
  input.dispatchEvent(new Event('change'));
  await nextTick();
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('FileField', () => {
  const props = {
    id: 'champ-photo-file',
    label: 'Photo',
    hint: 'JPEG, PNG ou WebP.',
    files: [] as File[],
    buttonLabel: 'Choisir une photo',
    accept: '.jpg,.png',
  };

  it('is a real labelled file input, its button and its state in French', () => {
    const wrapper = mount(FileField, { props, attachTo: document.body });
    const input = wrapper.get<HTMLInputElement>('input');
    expect(input.attributes()).toMatchObject({ id: 'champ-photo-file', type: 'file' });
    expect(input.attributes('accept')).toBe('.jpg,.png');
    // Reached by the keyboard: neither taken out of the tab order nor out of the page.
    expect(input.attributes('tabindex')).toBeUndefined();
    expect(input.attributes('hidden')).toBeUndefined();
    expect(input.element.disabled).toBe(false);
    expect(wrapper.get('label').attributes('for')).toBe('champ-photo-file');
    expect(wrapper.get('label').text()).toBe('Photo JPEG, PNG ou WebP.');
    // The visible button is a picture of one: assistive technologies meet the input itself.
    const button = wrapper.get('.fr-btn');
    expect(button.text()).toBe('Choisir une photo');
    expect(button.attributes('aria-hidden')).toBe('true');
    expect(button.element.tagName).toBe('SPAN');
    const state = wrapper.get('#champ-photo-file-choix');
    expect(state.text()).toBe('Aucun fichier choisi');
    expect(state.attributes('aria-live')).toBe('polite');
    expect(input.attributes('aria-describedby')).toBe('champ-photo-file-choix');
    expect(input.attributes('aria-invalid')).toBeUndefined();
    input.element.focus();
    expect(document.activeElement).toBe(input.element);
    wrapper.unmount();
  });

  it('hands the chosen files over, and says what the parent holds', async () => {
    const wrapper = mount(FileField, { props, attachTo: document.body });
    const chosen = file('atelier.jpg');
    await choose(wrapper.get<HTMLInputElement>('input').element, [chosen]);
    expect(wrapper.emitted('choose')).toEqual([[[chosen]]]);
    await wrapper.setProps({ files: [chosen] });
    expect(wrapper.get('#champ-photo-file-choix').text()).toBe('Fichier choisi : atelier.jpg');
    wrapper.unmount();
  });

  it('empties the input when the parent lets the files go, so the same file can be chosen again', async () => {
    const wrapper = mount(FileField, {
      props: { ...props, files: [file('atelier.jpg')] },
      attachTo: document.body,
    });
    const input = wrapper.get<HTMLInputElement>('input').element;
    let emptied = 0;
    Object.defineProperty(input, 'value', {
      configurable: true,
      get: () => (emptied > 0 ? '' : 'C:\\fakepath\\atelier.jpg'),
      set: (v: string) => {
        if (v === '') emptied += 1;
      },
    });
    await wrapper.setProps({ files: [] });
    expect(emptied).toBe(1);
    expect(wrapper.get('#champ-photo-file-choix').text()).toBe('Aucun fichier choisi');

    // Files sent as soon as chosen: the parent keeps none, the input is emptied at once.
    await choose(input, [file('devis.pdf')]);
    await nextTick();
    expect(emptied).toBe(2);
    wrapper.unmount();
  });

  it('ties its messages and marks itself invalid', () => {
    const wrapper = mount(FileField, {
      props: { ...props, invalid: true, describedBy: 'champ-photo-file-erreur' },
      slots: { messages: '<p id="champ-photo-file-erreur" class="fr-error-text">Trop lourde.</p>' },
    });
    const input = wrapper.get('input');
    expect(input.attributes('aria-describedby')).toBe(
      'champ-photo-file-choix champ-photo-file-erreur',
    );
    expect(input.attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('.fr-upload-group').classes()).toContain('fr-upload-group--error');
    expect(wrapper.get('#champ-photo-file-erreur').text()).toBe('Trop lourde.');
    wrapper.unmount();
  });
});

describe('chosenWords', () => {
  it('names the files chosen, or says there is none', () => {
    expect(chosenWords([], 'Aucun fichier choisi')).toBe('Aucun fichier choisi');
    expect(chosenWords([{ name: 'a.pdf' }], '')).toBe('Fichier choisi : a.pdf');
    expect(chosenWords([{ name: 'a.pdf' }, { name: 'b.pdf' }], '')).toBe(
      '2 fichiers choisis : a.pdf, b.pdf',
    );
  });
});
