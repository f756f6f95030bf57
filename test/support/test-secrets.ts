// Services encrypt in-process (mail bodies, integration credentials), which needs PLUMB_ENCRYPTION_KEY. In
// embedded mode it would be generated into ./.plumb; with DATABASE_URL (the PostgreSQL pass) it is required.
// Tests get throwaway secrets unless the environment brings its own; servers the tests start inherit them,
// so rows seeded here decrypt there.
import { randomBytes } from "node:crypto";

process.env.PLUMB_ENCRYPTION_KEY ||= randomBytes(32).toString("hex");
process.env.NEXTAUTH_SECRET ||= randomBytes(32).toString("base64");
