import { describe, expect, it } from 'vitest';
import { unroutedFooterPages } from '@nec/ui';
import { createMemoryHistory } from 'vue-router';
import { createPortalRouter } from './router.js';

const router = createPortalRouter(createMemoryHistory());

describe('the footer’s pages (mandatory links of a State service)', () => {
  it('are all pages of this app, none « page introuvable »', () => {
    expect(unroutedFooterPages(router)).toEqual([]);
  });
});
