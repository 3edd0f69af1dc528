import type { Plugin } from 'vite';
export function inlineScripts(html: string): string[];
export function scriptHash(text: string): string;
export function inlineScriptHashes(dir: string): string[];
export function securityHeaders(hashes: readonly string[]): Record<string, string>;
export function nginxSnippet(headers: Record<string, string>): string;
export function writeSecurityHeaders(dir: string): string;
export const zodWithoutEval: string;
export function securityHeadersPlugin(): Plugin;
