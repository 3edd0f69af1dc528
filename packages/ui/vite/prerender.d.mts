import type { Plugin } from 'vite';
export function pageFile(path: string): string;
export function pageDocument(
  template: string,
  page: {
    html: string;
    title: string;
    chunks: readonly string[];
    reads?: readonly string[];
    path?: string;
  },
): string;
export function renderedAddress(path: string): string;
export function addressPattern(path: string): string;
export function askParamReads(pattern: string, reads: readonly string[]): void;
export function prerenderedPages(): Plugin;
