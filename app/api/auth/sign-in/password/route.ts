import { passwordStepHandler } from "@/lib/http/sign-in-handlers";

export const POST = (req: Request) => passwordStepHandler(req);
