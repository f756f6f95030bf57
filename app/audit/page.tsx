import type { Metadata } from "next";
import { PublicFrame } from "@/components/public/public-frame";
import { SelfAuditForm } from "@/components/public/self-audit-form";

export const metadata: Metadata = {
  title: "Free website self-audit",
  description: "Eight questions about your website's security, privacy, accessibility, performance and SEO, with a score and concrete advice.",
};

export default function SelfAuditPage() {
  return (
    <PublicFrame>
      <div className="max-w-3xl">
        <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Free website self-audit</h1>
        <p className="mt-2 text-slate-600">
          Eight questions, two minutes. You get a score and the next steps for your site. No account needed.
        </p>
        <div className="mt-8">
          <SelfAuditForm />
        </div>
      </div>
    </PublicFrame>
  );
}
