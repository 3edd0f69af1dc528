import { defineConfig } from 'vitest/config';
import { necViteConfig } from './vite/index.mjs';

export default defineConfig(necViteConfig());
