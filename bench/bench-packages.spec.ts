import { BENCH_INSTALL, benchPackageFolder, loadBenchPackage } from './bench-packages';

describe("bench/'s own packages", () => {
  describe('when a package is not installed in bench/node_modules', () => {
    it('says plainly what is missing and the command that installs it, instead of failing the run', () => {
      const loaded = loadBenchPackage('The peer', (require) => require('@fundledger/no-such-bench-package'));

      expect(loaded).toEqual({ missing: expect.stringContaining(`The peer is not installed in ${benchPackageFolder()}`) });
      expect((loaded as { missing: string }).missing).toMatch(/Cannot find module '@fundledger\/no-such-bench-package'.*: cd bench && npm ci --legacy-peer-deps$/);
      expect(BENCH_INSTALL).toBe('cd bench && npm ci --legacy-peer-deps');
    });
  });

  describe('when loading fails for any other reason', () => {
    it('lets the error through: a broken peer must not read as an absent one', () => {
      expect(() =>
        loadBenchPackage('The peer', () => {
          throw new TypeError('broken');
        }),
      ).toThrow('broken');
    });
  });

  it('resolves from bench/, never from the service\'s node_modules', () => {
    expect(benchPackageFolder()).toMatch(/\/bench$/);
    expect(loadBenchPackage('path', (require) => require.resolve('./package.json'))).toBe(`${benchPackageFolder()}/package.json`);
  });
});
