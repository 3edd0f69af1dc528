import { describe, expect, it } from 'vitest';
import { unroutedFooterPages } from '@nec/ui';
import { router } from './router.js';

describe('the footer’s pages (mandatory links of a State service)', () => {
  it('are all pages of this app, none « page introuvable »', () => {
    expect(unroutedFooterPages(router)).toEqual([]);
  });
});
