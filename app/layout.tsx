import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Plumb — website audits across seven pillars", template: "%s · Plumb" },
  description:
    "Plumb audits your website for accessibility, security, cookies, trackers, privacy, performance and SEO, and helps you fix what it finds.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#3730a3" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: its scripts carry the nonce of that response's Content-Security-Policy
  // (set in proxy.ts; Next.js reads it from the request), which a prerendered page could not know.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <a
          href="#main"
          className="sr-only z-50 rounded-md bg-white px-4 py-2 font-medium text-brand-800 shadow focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
        >
          Skip to main content
        </a>
        {children}
      </body>
    </html>
  );
}
