// One lint set-up for the whole repository: type-aware rules from typescript-eslint,
// with the project service finding each package's own tsconfig.json. Vue single-file
// components are parsed by vue-eslint-parser, which hands their <script> to typescript-eslint's
// parser, so the same type-aware rules apply to them as to .ts files.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import pluginVue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      '**/.turbo/**',
      '**/*.generated.ts',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
      '**/vitest.config.ts',
      '**/vite.config.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  // After typescript-eslint's configs: its parser is set for every file, vue-eslint-parser must
  // win for .vue files.
  ...pluginVue.configs['flat/recommended'],
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        // The same for every file: the project service is reconfigured whenever it changes.
        extraFileExtensions: ['.vue'],
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.vue'],
    languageOptions: {
      parserOptions: {
        parser: tseslint.parser,
        sourceType: 'module',
        // Vue 3 has no filters: `|` in a template is a union type or a bitwise or.
        vueFeatures: { filter: false },
      },
    },
    // What typescript-eslint does for .ts files: TypeScript (vue-tsc) already checks undefined
    // names and the like, so ESLint's duplicates of those checks are off.
    rules: {
      ...tseslint.configs.eslintRecommended.rules,
      // The forms hand their page's reactive draft to step components that edit it in place;
      // replacing a prop is still an error.
      'vue/no-mutating-props': ['error', { shallowOnly: true }],
    },
  },
  {
    files: ['**/*.test.ts', '**/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // HTTP response bodies are untyped JSON by nature; the assertions check their shape.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  // Last: Prettier formats, so ESLint's and eslint-plugin-vue's layout rules are off.
  prettier,
);
