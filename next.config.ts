import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native/WASM and browser-driving packages must stay outside the server bundle.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "@prisma/schema-engine-wasm",
    "pg",
    "pg-boss",
    "puppeteer-core",
    "axe-core",
    "@node-rs/argon2",
    "lighthouse",
  ],
  poweredByHeader: false,
};

export default nextConfig;
