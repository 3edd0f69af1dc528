import { describe, expect, it } from 'vitest';
import { cleanOriginalName, contentDisposition, downloadName } from './file-names.js';

describe('file names', () => {
  it('keeps only a displayable base name', () => {
    expect(cleanOriginalName('C:\\Users\\x\\Budget.pdf')).toBe('Budget.pdf');
    expect(cleanOriginalName('../../etc/passwd')).toBe('passwd');
    expect(cleanOriginalName('fac\u202Etxt.exe')).toBe('factxt.exe');
    expect(cleanOriginalName('a\u0000b\nc.pdf')).toBe('abc.pdf');
    expect(cleanOriginalName('   ')).toBe('document');
    expect(cleanOriginalName('x'.repeat(500))).toHaveLength(200);
  });

  it('serves a file under the extension of its detected type', () => {
    expect(downloadName('photo.pdf', 'png')).toBe('photo.png');
    expect(downloadName('budget', 'pdf')).toBe('budget.pdf');
    expect(downloadName('.pdf', 'pdf')).toBe('.pdf.pdf');
  });

  it('writes a Content-Disposition with an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('Lettre "soutien" été.pdf')).toBe(
      `attachment; filename="Lettre _soutien_ ete.pdf"; filename*=UTF-8''Lettre%20%22soutien%22%20%C3%A9t%C3%A9.pdf`,
    );
    expect(contentDisposition("l'atelier (1).pdf")).toContain(
      `filename*=UTF-8''l%27atelier%20%281%29.pdf`,
    );
  });
});
