import type { DefaultSession } from "next-auth";

// Sessions carry the user's id (the JWT `sub`) and the Session row's random id (`sid`, server-side only);
// everything else is looked up fresh from the database.
declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}
