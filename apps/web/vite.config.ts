import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type Rolldown } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { textsPlugin } from './texts-plugin.ts';

/**
 * A plugin that gives one Mantine module, in place of one of its imports, a small module of ours:
 * `source` as imported by a file whose path ends with `importer` resolves to `code`. A build in
 * which it never applied fails: Mantine's files have moved, and the page would quietly be slower.
 */
function replaceImport(name: string, source: string, importer: string, code: string): Plugin {
  const id = `\0sinergi:${name}`;
  let applied = false;
  return {
    name: `sinergi:${name}`,
    enforce: 'pre',
    resolveId(s, from) {
      if (!((s === source || s.endsWith(source)) && from?.endsWith(importer))) return;
      applied = true;
      return id;
    },
    load(loaded) {
      if (loaded === id) return code;
    },
    generateBundle() {
      if (!applied) this.error(`${name}: no file ending with ${importer} imports ${source} any more`);
    },
  };
}

/**
 * Mantine's ScrollArea takes a single hook, `useMergeRefs`, from @floating-ui/react, and with it
 * all 15 kB gzip of floating-ui into any page that has a ScrollArea. It gets the same hook from
 * @mantine/hooks instead; menus, popovers and tooltips still load floating-ui, on the pages that
 * have them (issue 18).
 */
const scrollAreaWithoutFloatingUi = replaceImport(
  'scroll-area-without-floating-ui',
  '@floating-ui/react',
  '/ScrollArea/ScrollArea.mjs',
  "import { useMergedRef } from '@mantine/hooks';\nexport const useMergeRefs = (refs) => useMergedRef(...refs);\n",
);
/**
 * Every Table carries its ScrollContainer, and that Mantine's ScrollArea (5 kB gzip) for its default
 * kind of scrolling. The app's tables scroll natively (the theme in App.tsx), so the container's
 * import of ScrollArea is given a plain box; selects and other dropdowns still load ScrollArea.
 */
const tableWithoutScrollArea = replaceImport(
  'table-without-scroll-area',
  '/ScrollArea/ScrollArea.mjs',
  '/Table/TableScrollContainer.mjs',
  "export const ScrollArea = 'div';\n",
);
/**
 * Mantine's `useId` starts from React's own id (the same on the server and in the browser), then,
 * in a layout effect after the first draw, swaps it for a random one. On a page the server drew,
 * that is a state change in every field, label, select and link as the app takes the page over,
 * and React draws them all again in one synchronous task (281 of the 406 ms that taking over the
 * new proposal form took, 4x CPU throttle). React's id is unique and stable for the life of the
 * component, so the hook keeps it.
 */
const mantineIdFromReact = replaceImport(
  'mantine-id-from-react',
  './use-id/use-id.mjs',
  '@mantine/hooks/esm/index.mjs',
  [
    "import { useId as useReactId } from 'react';",
    'export function useId(staticId) {',
    '  const reactId = useReactId();',
    "  return typeof staticId === 'string' ? staticId : 'mantine-' + reactId.replace(/:/g, '');",
    '}',
    '',
  ].join('\n'),
);
/** The files of the app's steps: main.tsx's dynamic imports (React's DOM renderer, boot.tsx) with all they import. */
function stepFiles(bundle: Rolldown.OutputBundle): { entry: string; steps: Set<string> } | null {
  const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry);
  if (entry?.type !== 'chunk') return null;
  // The entry is the page's script already (the renderer's file imports helpers from it).
  const files = new Set<string>([entry.fileName]);
  const walk = (file: string) => {
    const chunk = bundle[file];
    if (files.has(file) || chunk?.type !== 'chunk') return;
    files.add(file);
    for (const imported of chunk.imports) walk(imported);
  };
  for (const step of entry.dynamicImports) walk(step);
  files.delete(entry.fileName);
  return { entry: entry.fileName, steps: files };
}

/**
 * V8's explicit compile hint (Chrome 136): a file that opens with it has all its functions compiled
 * as it is fetched, on a thread of their own, instead of each on the page's thread the first time it
 * is called. React's DOM renderer is one function (the bundler's wrapper of its CommonJS module),
 * compiled whole when the page first needs it: 97 of a 184 ms task in a trace of the sign-in page.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/**
 * The files of the app's steps (main.tsx: React's DOM renderer, then boot.tsx, with all they import)
 * are listed in the page (`<script type="application/json" id="sinergi-preload">`; the server adds
 * the files of the page it drew), and main.tsx names them as module preloads once the page has been
 * painted, so the browser fetches them side by side, not one level of imports after another. Named
 * in the HTML itself, their fetching and compiling came before the first paint (the largest paint
 * of the sign-in page and the village index later by a tenth to a third in a trace's turns). Vite's
 * own preloading is off (`modulePreload: false`): it adds the links from script at each import
 * (issue 18). The entry and the steps open with the compile hint: every page runs nearly all of
 * them at once. (Hinting every file too, pages and libraries, lowered blocking time a little more in
 * some runs but delayed the largest paint of the village index and the projects by a quarter.)
 */
function preloadSteps(): Plugin {
  return {
    name: 'sinergi:preload-steps',
    apply: 'build',
    generateBundle(_options, bundle) {
      const found = stepFiles(bundle);
      if (!found) return;
      for (const file of [found.entry, ...found.steps]) {
        const chunk = bundle[file];
        if (chunk?.type === 'chunk') chunk.code = COMPILE_HINT + chunk.code;
      }
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const found = bundle && stepFiles(bundle);
        if (!found) return;
        return [
          {
            tag: 'script',
            attrs: { type: 'application/json', id: 'sinergi-preload' },
            children: JSON.stringify([...found.steps].map((file) => `/${file}`)),
            injectTo: 'head' as const,
          },
        ];
      },
    },
  };
}
const WEB_ROOT = fileURLToPath(new URL('.', import.meta.url));
/**
 * In the server's build only: each `lazy(() => import('./X.tsx')...)` of the app becomes
 * `lazyNoted('src/.../X.tsx', () => import('./X.tsx')...)` (src/app/drawn-parts.ts), which notes the
 * parts a drawn page showed; the server names their files as module preloads in that page.
 */
function noteLazyParts(): Plugin {
  const helper = fileURLToPath(new URL('./src/app/drawn-parts.ts', import.meta.url));
  const lazyImport = /\blazy\(\s*\(\)\s*=>\s*import\(\s*'(\.[^']+)'\s*\)/g;
  return {
    name: 'sinergi:note-lazy-parts',
    enforce: 'pre',
    transform(code, id) {
      if (id.includes('node_modules') || !/\.tsx?$/.test(id)) return;
      const source = (specifier: string) =>
        relative(WEB_ROOT, resolve(dirname(id), specifier)).replaceAll('\\', '/');
      const noted = code.replace(
        lazyImport,
        (_all, specifier: string) =>
          `__lazyNoted(${JSON.stringify(source(specifier))}, () => import(${JSON.stringify(specifier)})`,
      );
      if (noted === code) return;
      return {
        code: `import { lazyNoted as __lazyNoted } from ${JSON.stringify(helper)};\n${noted}`,
        map: null,
      };
    },
  };
}
/**
 * Two builds: the app for the browser (dist/) and, with `--ssr`, the module by which the server
 * draws a page's first HTML (dist-ssr/, src/entry-server.tsx; no service worker).
 */
export default defineConfig(({ isSsrBuild }) => ({
  // Everything bundled, React's production build with it: a server started without NODE_ENV (as
  // `npm start` is) would otherwise draw pages with React's development build, two to three
  // times slower.
  ssr: { noExternal: true },
  define: isSsrBuild ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  publicDir: isSsrBuild ? false : 'public',
  plugins: [
    react(),
    textsPlugin(fileURLToPath(new URL('./src', import.meta.url))),
    scrollAreaWithoutFloatingUi,
    tableWithoutScrollArea,
    mantineIdFromReact,
    !isSsrBuild && preloadSteps(),
    isSsrBuild && noteLazyParts(),
    !isSsrBuild &&
      VitePWA({
        registerType: 'autoUpdate',
        // Registered by the app once its first page has settled (src/app/install.ts), not at load.
        injectRegister: false,
        manifest: {
          name: 'Sinergi: perencanaan pembangunan daerah',
          short_name: 'Sinergi',
          description: 'Perencanaan, penganggaran dan pemantauan pembangunan daerah',
          lang: 'id',
          start_url: '/',
          scope: '/',
          display: 'standalone',
          theme_color: '#0b7285',
          background_color: '#ffffff',
          icons: [
            { src: '/icons/sinergi-192.png', sizes: '192x192', type: 'image/png' },
            { src: '/icons/sinergi-512.png', sizes: '512x512', type: 'image/png' },
            {
              src: '/icons/sinergi-maskable-512.png',
              sizes: '512x512',
              type: 'image/png',
              purpose: 'maskable',
            },
          ],
        },
        workbox: {
          globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
          maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
          navigateFallback: '/index.html',
          navigateFallbackDenylist: [/^\/api\//],
          cleanupOutdatedCaches: true,
          runtimeCaching: [
            {
              // The reads a desa operator needs to keep working without a connection (issue 20): the
              // session, the kamus and offices, proposals, the village index entry, projects. From the
              // network when there is one, from the device's copy when not; the copy is dropped at
              // sign-out. Files (PDF, XLSX) and everything personal (people, beneficiaries, voters) are
              // never kept. (The function is copied into the service worker: it names nothing outside.)
              urlPattern: ({ url, request }) =>
                request.method === 'GET' &&
                url.origin === self.location.origin &&
                /^\/api\/(auth\/session|settings|kamus|organisations|regions|proposals|index\/(entries|worklist|desa|summary)|projects|reports|photos|track)(\/|\?|$)/.test(
                  url.pathname,
                ) &&
                !/\.(pdf|xlsx|csv|zip)$/.test(url.pathname),
              handler: 'NetworkFirst',
              options: {
                cacheName: 'sinergi-api',
                networkTimeoutSeconds: 6,
                matchOptions: { ignoreVary: true },
                cacheableResponse: { statuses: [200] },
                expiration: { maxEntries: 400, maxAgeSeconds: 14 * 24 * 3600 },
              },
            },
          ],
        },
      }),
  ],
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 800,
    // One stylesheet, linked by the page: the page the server drew needs all of it at once (split,
    // the frame's styles came with boot.tsx's code, after the page had been shown unstyled).
    cssCodeSplit: false,
    modulePreload: false,
    // The bundle sizes of every build are written to dist/.vite/manifest.json; bench/ reads them.
    manifest: true,
    rolldownOptions: {
      // Every group of texts also has a loader for a key no module named (texts-plugin.ts); that the
      // modules naming the group import it too is intended.
      onLog(level, log, handler) {
        if (log.code === 'INEFFECTIVE_DYNAMIC_IMPORT' && log.message.includes('virtual:sinergi-texts'))
          return;
        handler(level, log);
      },
    },
  },
}));
