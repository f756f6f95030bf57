import type { DefaultSession } from "next-auth";

// Sessions carry the user's id (the JWT `sub`); everything else is looked up fresh from the database.
declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
  }
}
