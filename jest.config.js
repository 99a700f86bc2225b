/**
 * Tests run on the tsc output: decorator metadata needs tsc, and it type-checks the tests too.
 * Two projects: `unit` (test/unit/) needs nothing running and takes seconds (`npm run test:unit`);
 * `system` starts PostgreSQL, the subgraphs and the gateway once, and talks to them over HTTP.
 * `npm test` runs both.
 */
// Only the compiled output is crawled: PostgreSQL's data folder (.test-data) holds files Jest would
// take for snapshots, and they come and go while it crawls.
const project = { rootDir: __dirname, roots: ['<rootDir>/dist'], testEnvironment: 'node' };

module.exports = {
  rootDir: __dirname,
  projects: [
    {
      ...project,
      displayName: 'unit',
      testMatch: ['<rootDir>/dist/test/unit/**/*.test.js'],
    },
    {
      ...project,
      displayName: 'system',
      testMatch: ['<rootDir>/dist/test/**/*.test.js'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/test/unit/'],
      // Run only when a test of this project runs, so the unit project alone starts nothing.
      globalSetup: '<rootDir>/dist/test/support/global-setup.js',
      globalTeardown: '<rootDir>/dist/test/support/global-teardown.js',
    },
  ],
  // Options of the whole run, shared by both projects.
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/dist/test/support/summary-reporter.js'],
  // One real system is shared by all test files; SQL-counting tests need it quiet.
  maxWorkers: 1,
  // The log check reads the logs of the whole run: it goes last.
  testSequencer: '<rootDir>/dist/test/support/sequencer.js',
};
