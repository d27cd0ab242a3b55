// ESLint flat config: typescript-eslint, React hooks and jsx-a11y for the renderer, and the layering rules that keep
// shared/ pure, the renderer free of Node and Electron, and the core free of Electron (see README, "Layering").
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_')).map((name) => name.replace(/[/\\^$.*+?()[\]{}|]/g, '\\$&'));

/** Import specifiers, as regular expressions, grouped by what they reach. */
const layers = {
  node: { regex: `^(node:|(${nodeBuiltins.join('|')})(/|$))`, message: 'Node built-ins belong in db/ or electron/.' },
  electron: { regex: '^electron(/|$)', message: 'Only electron/ may import Electron.' },
  sqlite: { regex: '^better-sqlite3(/|$)', message: 'SQL and better-sqlite3 live in db/.' },
  react: { regex: '^react(-dom)?(/|$)', message: 'React belongs in renderer/.' },
  db: { regex: '^(\\.\\./)+db(/|$)', message: 'Only electron/ (and tests) may import the core in db/.' },
  electronDir: { regex: '^(\\.\\./)+electron(/|$)', message: 'Nothing imports electron/: it is the top of the stack.' },
  renderer: { regex: '^(\\.\\./)+renderer(/|$)', message: 'Nothing imports renderer/; share code through shared/.' },
};

const restrict = (...names) => ({
  'no-restricted-imports': ['error', { patterns: names.map((name) => ({ regex: layers[name].regex, message: layers[name].message })) }],
});

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'dist/', 'coverage/', 'test-results/', '**/*.d.mts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  // Node-side code: the core, the shell, build scripts, configs and their tests.
  {
    files: ['db/**', 'electron/**', 'build/**', 'test/core/**', 'test/e2e/**', '*.{js,mjs,cjs,ts}', '.ci/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}', 'test/support/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    // The two classic hook rules. The plugin's other recommended rules check code for the React Compiler,
    // which this project does not use (they flag the "latest ref" pattern, for one).
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['renderer/**/*.tsx', 'test/renderer/**/*.tsx', 'test/support/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
    languageOptions: { ...jsxA11y.flatConfigs.recommended.languageOptions, globals: { ...globals.browser } },
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // `<ul role="list">` is deliberate: Safari drops list semantics from lists styled with list-style: none.
      'jsx-a11y/no-redundant-roles': ['error', { ul: ['list'], ol: ['list'] }],
      // Keyboard handlers on a dialog or menu container are the ARIA pattern for focus trapping and arrow keys;
      // mouse handlers on non-interactive elements stay forbidden.
      'jsx-a11y/no-noninteractive-element-interactions': ['error', { handlers: ['onClick', 'onMouseDown', 'onMouseUp'] }],
      // Clicks and keys on a plain div stay forbidden; a mouse-down on a modal backdrop (close by clicking beside
      // the dialog, Esc does the same from the keyboard) is a pointer convenience, not a control.
      'jsx-a11y/no-static-element-interactions': ['error', { handlers: ['onClick', 'onKeyPress', 'onKeyDown', 'onKeyUp'] }],
    },
  },
  // Layering: each folder may only import downwards.
  { files: ['shared/**'], rules: restrict('node', 'electron', 'sqlite', 'react', 'db', 'electronDir', 'renderer') },
  { files: ['renderer/**'], rules: restrict('node', 'electron', 'sqlite', 'db', 'electronDir') },
  { files: ['db/**'], rules: restrict('electron', 'react', 'electronDir', 'renderer') },
  { files: ['electron/**'], rules: restrict('react', 'renderer') },
  // electron/security.ts is unit-tested under Node: type-only Electron imports there, never a runtime one.
  {
    files: ['electron/security.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: layers.electron.regex, message: 'security.ts runs under plain Node in tests.', allowTypeImports: true }] },
      ],
    },
  },
);
