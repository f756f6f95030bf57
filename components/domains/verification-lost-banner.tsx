import { Alert, ButtonLink, formatDateTime } from "@/components/ui";

/**
 * Shown while a domain that was verified has lost its verification (a re-check found the proof gone). React
 * escapes the reason, which quotes what the site answered.
 */
export function VerificationLostBanner({
  host,
  lostAt,
  reason,
  verifyHref,
}: {
  host: string;
  lostAt: Date;
  reason: string | null;
  verifyHref?: string;
}) {
  return (
    <Alert tone="danger" title={`Verification lost for ${host}`} className="mb-6" id="verification-lost">
      <p>
        On {formatDateTime(lostAt)} Plumb re-checked the ownership proof and could not find it, so {host} is no longer
        verified: scheduled and new scans are refused until you verify it again.
      </p>
      {reason ? (
        <pre className="mt-2 max-h-40 overflow-auto text-xs break-words whitespace-pre-wrap" data-testid="verification-lost-reason">
          {reason}
        </pre>
      ) : null}
      {verifyHref ? (
        <ButtonLink href={verifyHref} size="sm" className="mt-3">
          Verify again
        </ButtonLink>
      ) : null}
    </Alert>
  );
}

/** The domains list: one line naming every domain that lost its verification. */
export function VerificationLostSummary({ domains, base }: { domains: { id: string; host: string; verificationLostAt: Date | null }[]; base: string }) {
  const lost = domains.filter((d): d is typeof d & { verificationLostAt: Date } => d.verificationLostAt !== null);
  if (lost.length === 0) return null;
  return (
    <Alert tone="danger" title={lost.length === 1 ? "A domain lost its verification" : `${lost.length} domains lost their verification`} className="mb-6" id="verification-lost">
      <p>Their ownership proof was gone when Plumb re-checked it; they are not scanned until verified again.</p>
      <ul className="mt-2 space-y-1">
        {lost.slice(0, 10).map((d) => (
          <li key={d.id} className="break-all">
            <a href={`${base}/${d.id}/verify`} className="font-medium underline underline-offset-2">
              {d.host}
            </a>{" "}
            — lost {formatDateTime(d.verificationLostAt)}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
