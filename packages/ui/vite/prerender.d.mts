import type { Plugin } from 'vite';
export function pageFile(path: string): string;
export function pageDocument(
  template: string,
  page: {
    html: string;
    title: string;
    chunks: readonly string[];
    reads?: readonly string[];
  },
): string;
export function prerenderedPages(): Plugin;
