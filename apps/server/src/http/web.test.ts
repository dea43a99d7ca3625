import { describe, expect, it } from 'vitest';
import { listedIn, preloadsOf, withPreloads } from './web.ts';

const manifest = {
  'index.html': { file: 'assets/index-A.js', imports: ['_react-R.js'] },
  '_react-R.js': { file: 'assets/react-R.js' },
  '_table-T.js': { file: 'assets/table-T.js', imports: ['_react-R.js', '_box-B.js'] },
  '_box-B.js': { file: 'assets/box-B.js', imports: ['_table-T.js'] },
  'src/features/a/APage.tsx': { file: 'assets/APage-1.js', imports: ['index.html', '_table-T.js'] },
  'src/features/b/BPage.tsx': { file: 'assets/BPage-2.js', imports: ['_box-B.js'] },
  'src/app/style.css': { file: 'assets/style-S.css' },
};
const template =
  '<head><script type="module" crossorigin src="/assets/index-A.js"></script><script type="application/json" id="sinergi-preload">["/assets/react-R.js"]</script></head>';

const listed = new Set(listedIn(template));

describe('the module preloads of a drawn page', () => {
  it('names each part’s file and all it imports, once each, less what the page loads already', () => {
    // Each after what it imports (box-B and table-T import each other: the first found comes last).
    expect(preloadsOf(manifest, ['src/features/a/APage.tsx'], listed)).toEqual([
      '/assets/box-B.js',
      '/assets/table-T.js',
      '/assets/APage-1.js',
    ]);
    expect(preloadsOf(manifest, ['src/features/a/APage.tsx', 'src/features/b/BPage.tsx'], listed)).toEqual([
      '/assets/box-B.js',
      '/assets/table-T.js',
      '/assets/APage-1.js',
      '/assets/BPage-2.js',
    ]);
  });

  it('names nothing for a part the build does not know, nor a stylesheet', () => {
    expect(preloadsOf(manifest, ['src/features/gone/GonePage.tsx'], listed)).toEqual([]);
    expect(preloadsOf(manifest, ['src/app/style.css'], listed)).toEqual([]);
    expect(preloadsOf({}, ['src/features/a/APage.tsx'], listed)).toEqual([]);
  });

  it('are added to the list the page has, which stays JSON', () => {
    const page = withPreloads(template, ['/assets/APage-1.js', '/assets/a"b</script>.js']);
    const list = page.match(/id="sinergi-preload">(.*?)<\/script>/)?.[1];
    expect(JSON.parse(list!)).toEqual([
      '/assets/react-R.js',
      '/assets/APage-1.js',
      '/assets/a"b</script>.js',
    ]);
    expect(withPreloads(template, [])).toBe(template);
  });
});
