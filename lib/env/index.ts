export { env, parseEnv, resetEnv, type Env } from "./env";
export { EnvError } from "./errors";
export { secrets, resolveSecrets, resetSecrets, type Secrets } from "./secrets";
