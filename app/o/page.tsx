import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ButtonLink, EmptyState, Logo, UsersIcon } from "@/components/ui";
import { requireUser } from "@/lib/auth/session";
import { listUserOrganizations } from "@/lib/services/organizations/list-user-organizations";

export const metadata: Metadata = { title: "Dashboard" };

/** /o: the dashboard's front door — sends a member to their first organization. */
export default async function OrganizationsIndex() {
  const user = await requireUser("/o");
  const organizations = await listUserOrganizations(user.id);
  if (organizations.length > 0) redirect(`/o/${organizations[0].slug}`);
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-16">
      <Logo />
      <EmptyState
        className="mt-8"
        as="h1"
        icon={<UsersIcon className="size-6" />}
        title="You are not a member of any organization"
        description={
          <p>
            You are signed in as {user.email}. Ask an owner or admin of your team&apos;s organization to invite this
            address, or create an organization of your own.
          </p>
        }
      />
      <div className="mt-6 flex justify-center">
        <ButtonLink href="/organizations/new">Create an organization</ButtonLink>
      </div>
    </main>
  );
}
