import { describe, expect, it } from 'vitest';
import { footerPages } from '@nec/ui';
import { router } from './router.js';

describe('the footer’s pages (mandatory links of a State service)', () => {
  it.each(Object.values(footerPages))(
    '%s is a page of this app, not « page introuvable »',
    (path) => {
      const matched = router.resolve(path).matched;
      expect(matched).toHaveLength(1);
      expect(matched[0]?.path).not.toContain(':');
    },
  );
});
