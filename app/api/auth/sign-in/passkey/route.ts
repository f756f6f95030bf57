import { passkeyOptionsHandler } from "@/lib/http/sign-in-handlers";

export const POST = (req: Request) => passkeyOptionsHandler(req);
