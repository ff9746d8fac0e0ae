// The environment a CLI child process gets in tests: this process's, minus every setting that
// would leak into it (ALLMANNING_*, DATABASE_URL, PORT, HOST, the test runner's own variables),
// running the TypeScript sources (never a stale dist/ build).
export function cliEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (/^(ALLMANNING_|DATABASE_URL$|PORT$|HOST$|NODE_OPTIONS$|NODE_TEST_CONTEXT$)/.test(name)) delete env[name];
  }
  env.ALLMANNING_FROM_SOURCE = '1';
  return env;
}
