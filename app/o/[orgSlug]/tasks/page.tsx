import type { Metadata } from "next";
import { TasksPage } from "@/components/tasks/tasks-page";
import { requireMembership } from "@/lib/auth/session";
import { roleAllows } from "../access";

export const metadata: Metadata = { title: "Tasks" };

export default async function Page({ params, searchParams }: PageProps<"/o/[orgSlug]/tasks">) {
  const { orgSlug } = await params;
  const { organization, membership, user } = await requireMembership(orgSlug);
  const canWrite = roleAllows(membership.role, "tasks:write");
  return <TasksPage orgSlug={orgSlug} orgId={organization.id} userId={user.id} canWrite={canWrite} mine={false} rawQuery={await searchParams} />;
}
