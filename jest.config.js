/** Tests run on the tsc output: decorator metadata needs tsc, and it type-checks the tests too. */
module.exports = {
  rootDir: __dirname,
  testMatch: ['<rootDir>/dist/test/**/*.test.js'],
  testEnvironment: 'node',
  globalSetup: '<rootDir>/dist/test/support/global-setup.js',
  globalTeardown: '<rootDir>/dist/test/support/global-teardown.js',
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/dist/test/support/summary-reporter.js'],
  // One real system is shared by all test files; SQL-counting tests need it quiet.
  maxWorkers: 1,
};
