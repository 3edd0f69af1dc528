import { describe, expect, it } from 'vitest';
import { ApiError, RateLimitError } from '@nec/api-client/core';
import { describeError } from '../states/describe-error.js';
import { failureMessage } from './use-submit.js';

const body = (message: string) => ({ error: 'x', message, fields: [] });
const kept = 'Ce que vous avez saisi reste dans le formulaire.';

describe('failureMessage', () => {
  it('says the service is down, and only a form adds that what was typed is kept', () => {
    const down = new ApiError(503, body('Service indisponible'));
    expect(failureMessage(down)).toBe(describeError(down).message);
    expect(failureMessage(down)).not.toContain('saisi');
    expect(failureMessage(down, { typed: true })).toBe(`${describeError(down).message} ${kept}`);
    expect(failureMessage(new TypeError('Failed to fetch'), { typed: true })).toContain(kept);
  });

  it('gives the API’s own message as is, form or not', () => {
    const refused = new ApiError(422, body('Cette invitation a expiré.'));
    expect(failureMessage(refused)).toBe('Cette invitation a expiré.');
    expect(failureMessage(refused, { typed: true })).toBe('Cette invitation a expiré.');
  });

  it('says when to try again after too many attempts, in minutes', () => {
    const limited = new RateLimitError(body('Trop de tentatives'), 130);
    expect(failureMessage(limited)).toBe('Trop de tentatives : réessayez dans 3 minute(s).');
  });
});

describe('describeError', () => {
  it('does not promise a page without a form that anything typed is kept', () => {
    const { message, unavailable } = describeError(new TypeError('Failed to fetch'));
    expect(unavailable).toBe(true);
    expect(message).toBe(
      'Nous n’arrivons pas à joindre le serveur. Réessayez dans quelques instants.',
    );
  });
});
