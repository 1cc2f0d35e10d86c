// Replaces @aws-sdk/credential-provider-node in the function bundles.
//
// Lambda hands every function its execution role's credentials in environment variables
// (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), and the local runtime and the
// integration tests set the same variables. The SDK's default chain would look there first too,
// but bundling it also drags in every other source (SSO, STS web identity, INI profiles, process,
// container and instance metadata) and the nested STS/SSO clients they need: code every function
// would load at each cold start and never run.
import { fromEnv } from '@aws-sdk/credential-provider-env';

/** The SDK clients' default credential provider, reduced to the one source Lambda uses. */
export const defaultProvider = (init = {}) => fromEnv(init);
