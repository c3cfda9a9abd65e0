/** The folder one mocha run's processes share (packed tarballs, bot folders): set by setup.ts. */
export const RUN_DIR = 'HUBOT_SPO_TEST_RUN_DIR'
