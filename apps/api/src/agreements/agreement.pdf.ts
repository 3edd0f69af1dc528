import PDFDocument from 'pdfkit';
import type { AgreementDocument } from './agreement.document.js';

export interface RenderOptions {
  /** Compress the page streams (the default; tests may read an uncompressed file). */
  compress?: boolean;
  /** Written as the file's creation date (the clock's time, so a document is reproducible). */
  createdAt?: Date;
}

// The standard PDF fonts are encoded in WinAnsi, which has no narrow no-break space (used by
// French number formatting): a plain no-break space takes its place.
const winAnsi = (text: string): string => text.replace(/\u202f/g, '\u00a0');

/**
 * Lays out an agreement on A4 pages with the standard Helvetica fonts (no font file to ship).
 * Returns the PDFKit document, a readable stream of the PDF bytes, already ended.
 */
export function renderAgreementPdf(
  document: AgreementDocument,
  options: RenderOptions = {},
): PDFKit.PDFDocument {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 56,
    compress: options.compress ?? true,
    lang: 'fr-FR',
    info: {
      Title: winAnsi(document.title),
      Author: 'ANCT — Programme Société Numérique',
      Creator: 'Numérique en Commun[s]',
      ...(options.createdAt ? { CreationDate: options.createdAt } : {}),
    },
  });
  const width = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
  for (const block of document.blocks) {
    switch (block.kind) {
      case 'title':
        pdf
          .font('Helvetica-Bold')
          .fontSize(20)
          .text(winAnsi(block.text), { align: 'center' })
          .moveDown(0.3);
        break;
      case 'subtitle':
        pdf
          .font('Helvetica')
          .fontSize(12)
          .text(winAnsi(block.text), { align: 'center' })
          .moveDown(0.5);
        break;
      case 'note':
        pdf
          .font('Helvetica-Oblique')
          .fontSize(10)
          .text(winAnsi(block.text), { align: 'center' })
          .moveDown(1);
        break;
      case 'heading':
        pdf
          .moveDown(0.4)
          .font('Helvetica-Bold')
          .fontSize(11)
          .text(winAnsi(block.text))
          .moveDown(0.2);
        break;
      case 'paragraph':
        pdf
          .font('Helvetica')
          .fontSize(10.5)
          .text(winAnsi(block.text), { lineGap: 2 })
          .moveDown(0.4);
        break;
      case 'signatures': {
        pdf.moveDown(2);
        if (pdf.y > pdf.page.height - pdf.page.margins.bottom - 120) pdf.addPage();
        const top = pdf.y;
        const column = (width - 24) / 2;
        block.parties.forEach((party, index) => {
          const x = pdf.page.margins.left + index * (column + 24);
          pdf.font('Helvetica').fontSize(10).text(winAnsi(party), x, top, { width: column });
          pdf
            .rect(x, top + 40, column, 70)
            .lineWidth(0.5)
            .stroke();
        });
        pdf.x = pdf.page.margins.left;
        pdf.y = top + 120;
        break;
      }
    }
  }
  pdf.end();
  return pdf;
}
