import type { UserConfig } from 'vite';
export function necViteConfig(options?: { env?: Record<string, string | undefined> }): UserConfig;
