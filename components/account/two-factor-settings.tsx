"use client";

import { useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { startAuthentication, startRegistration } from "@simplewebauthn/browser";
import { Alert, Badge, Button, TextField } from "@/components/ui";
import {
  confirmTotpAction,
  disableTotpAction,
  finishPasskeyAction,
  regenerateRecoveryCodesAction,
  removePasskeyAction,
  startPasskeyAction,
  startTotpAction,
  stepUpOptionsAction,
} from "@/app/account/security/actions";
import type { FreshFactorProof } from "@/lib/auth/fresh-factor";

export interface PasskeyRow {
  id: string;
  name: string;
  added: string;
  lastUsed: string | null;
}

interface Props {
  totp: boolean;
  recoveryCodesLeft: number;
  passkeys: PasskeyRow[];
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4" role="region" aria-label="New recovery codes">
      <p className="text-sm font-medium text-slate-900">Save these recovery codes now. Each one works once, and they will not be shown again.</p>
      <ul className="grid grid-cols-1 gap-1 font-mono text-sm text-slate-900 sm:grid-cols-2" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <Button type="button" size="sm" variant="secondary" onClick={onDone}>
        I have saved them
      </Button>
    </div>
  );
}

/** Asks for a factor proven now (code, recovery code or passkey) before a sensitive change. */
function ConfirmWithFactor({
  label,
  totp,
  passkey,
  onProof,
  onCancel,
}: {
  label: string;
  totp: boolean;
  passkey: boolean;
  onProof: (proof: FreshFactorProof) => Promise<string | undefined>;
  onCancel: () => void;
}) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [mode, setMode] = useState<"totp" | "recovery">(totp ? "totp" : "recovery");
  async function submit(proof: FreshFactorProof) {
    setBusy(true);
    setError(undefined);
    const err = await onProof(proof).catch(() => "Something went wrong. Try again.");
    if (err) setError(err);
    setBusy(false);
  }
  return (
    <form
      className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-4"
      noValidate
      onSubmit={(e: FormEvent<HTMLFormElement>) => {
        e.preventDefault();
        const code = String(new FormData(e.currentTarget).get("code") ?? "");
        void submit({ kind: mode, code });
      }}
    >
      <p className="text-sm font-medium text-slate-900">{label}</p>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <TextField
        key={mode}
        label={mode === "totp" ? "Authentication code" : "Recovery code"}
        name="code"
        autoComplete="one-time-code"
        inputMode={mode === "totp" ? "numeric" : "text"}
        autoFocus
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" loading={busy}>
          Confirm
        </Button>
        {passkey ? (
          <Button
            type="button"
            size="sm"
            variant="secondary"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              setError(undefined);
              try {
                const opts = await stepUpOptionsAction();
                if (!opts.ok) throw new Error(opts.error);
                const response = await startAuthentication({ optionsJSON: opts.data.options });
                setBusy(false);
                await submit({ kind: "passkey", token: opts.data.token, response: JSON.stringify(response) });
              } catch {
                setError("The passkey could not be used. Try again or enter a code.");
                setBusy(false);
              }
            }}
          >
            Use a passkey
          </Button>
        ) : null}
        {totp ? (
          <Button type="button" size="sm" variant="ghost" onClick={() => setMode(mode === "totp" ? "recovery" : "totp")}>
            {mode === "totp" ? "Use a recovery code" : "Use the app code"}
          </Button>
        ) : null}
        <Button type="button" size="sm" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export function TwoFactorSettings({ totp, recoveryCodesLeft, passkeys }: Props) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const refresh = () => startTransition(() => router.refresh());
  const [enrol, setEnrol] = useState<{ secret: string; uri: string; qr: string } | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<{ what: "disable-totp" | "regenerate" } | { what: "remove-passkey"; id: string; name: string } | null>(null);
  const hasPasskey = passkeys.length > 0;

  async function onConfirmProof(proof: FreshFactorProof): Promise<string | undefined> {
    const c = confirming;
    if (!c) return;
    if (c.what === "disable-totp") {
      const r = await disableTotpAction(proof);
      if (!r.ok) return r.error;
    } else if (c.what === "regenerate") {
      const r = await regenerateRecoveryCodesAction(proof);
      if (!r.ok) return r.error;
      setCodes(r.data.recoveryCodes);
    } else if ("id" in c) {
      const r = await removePasskeyAction(c.id, proof);
      if (!r.ok) return r.error;
    }
    setConfirming(null);
    refresh();
  }

  return (
    <div className="space-y-6">
      {error ? <Alert tone="danger">{error}</Alert> : null}
      {codes && codes.length > 0 ? <RecoveryCodes codes={codes} onDone={() => setCodes(null)} /> : null}

      <section aria-labelledby="totp-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h3 id="totp-heading" className="font-medium text-slate-900">
            Authenticator app
          </h3>
          {totp ? <Badge tone="success">On</Badge> : <Badge tone="neutral">Off</Badge>}
        </div>
        <p className="text-sm text-slate-600">Six-digit codes from an app such as 1Password, Google Authenticator or Aegis.</p>
        {totp ? (
          confirming?.what === "disable-totp" ? (
            <ConfirmWithFactor label="Confirm to turn the authenticator app off" totp={totp} passkey={hasPasskey} onProof={onConfirmProof} onCancel={() => setConfirming(null)} />
          ) : (
            <Button type="button" variant="secondary" size="sm" onClick={() => setConfirming({ what: "disable-totp" })}>
              Turn off
            </Button>
          )
        ) : enrol ? (
          <form
            className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-4"
            noValidate
            onSubmit={async (e: FormEvent<HTMLFormElement>) => {
              e.preventDefault();
              const code = String(new FormData(e.currentTarget).get("code") ?? "");
              setBusy("totp");
              setError(undefined);
              const r = await confirmTotpAction(code);
              setBusy(null);
              if (!r.ok) return setError(r.error);
              setEnrol(null);
              if (r.data.recoveryCodes.length) setCodes(r.data.recoveryCodes);
              refresh();
            }}
          >
            <p className="text-sm text-slate-800">
              Scan this QR code with your authenticator app (or{" "}
              <a className="font-medium text-brand-700 underline" href={enrol.uri}>
                open it in the app
              </a>{" "}
              on this device), then enter the code it shows.
            </p>
            {/* Rendered on the server as SVG (a data: URL, allowed by the CSP's img-src); plain pixels, no script. */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={enrol.qr} alt="QR code of your authenticator key; the same key is written out below" width={192} height={192} className="size-48 rounded border border-slate-200 bg-white" data-testid="totp-qr" />
            <p className="text-sm text-slate-800">Can&apos;t scan it? Type this key into the app instead:</p>
            <p className="rounded bg-white px-3 py-2 font-mono text-sm tracking-wider break-all text-slate-900" data-testid="totp-secret">
              {enrol.secret}
            </p>
            <TextField label="Code from the app" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={8} autoFocus />
            <div className="flex flex-wrap gap-2">
              <Button type="submit" size="sm" loading={busy === "totp"}>
                Turn on
              </Button>
              <Button type="button" size="sm" variant="ghost" onClick={() => setEnrol(null)}>
                Cancel
              </Button>
            </div>
          </form>
        ) : (
          <Button
            type="button"
            size="sm"
            loading={busy === "totp-start"}
            onClick={async () => {
              setBusy("totp-start");
              setError(undefined);
              const r = await startTotpAction();
              setBusy(null);
              if (!r.ok) return setError(r.error);
              setEnrol(r.data);
            }}
          >
            Set up authenticator app
          </Button>
        )}
      </section>

      <section aria-labelledby="passkeys-heading" className="space-y-3 border-t border-slate-200 pt-6">
        <h3 id="passkeys-heading" className="font-medium text-slate-900">
          Passkeys
        </h3>
        <p className="text-sm text-slate-600">
          Your device&apos;s fingerprint, face or PIN, or a security key. A passkey can also replace the password: &ldquo;Use a passkey&rdquo; on the sign-in page.
        </p>
        {passkeys.length ? (
          <ul className="divide-y divide-slate-200 rounded-md border border-slate-200" aria-label="Passkeys">
            {passkeys.map((p) => (
              <li key={p.id} className="space-y-3 p-4">
                <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
                  <div className="min-w-0">
                    <p className="font-medium break-words text-slate-900">{p.name}</p>
                    <p className="text-sm text-slate-600">
                      added {p.added}
                      {p.lastUsed ? ` · last used ${p.lastUsed}` : " · never used"}
                    </p>
                  </div>
                  <Button type="button" size="sm" variant="secondary" aria-label={`Remove passkey ${p.name}`} onClick={() => setConfirming({ what: "remove-passkey", id: p.id, name: p.name })}>
                    Remove
                  </Button>
                </div>
                {confirming?.what === "remove-passkey" && confirming.id === p.id ? (
                  <ConfirmWithFactor label={`Confirm to remove ${p.name}`} totp={totp} passkey onProof={onConfirmProof} onCancel={() => setConfirming(null)} />
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        <form
          className="flex flex-col gap-2 sm:flex-row sm:items-end"
          noValidate
          onSubmit={async (e: FormEvent<HTMLFormElement>) => {
            e.preventDefault();
            const name = String(new FormData(e.currentTarget).get("name") ?? "");
            setBusy("passkey");
            setError(undefined);
            try {
              const start = await startPasskeyAction();
              if (!start.ok) throw new Error(start.error);
              const response = await startRegistration({ optionsJSON: start.data.options });
              const r = await finishPasskeyAction({ token: start.data.token, response: JSON.stringify(response), name });
              if (!r.ok) throw new Error(r.error);
              if (r.data.recoveryCodes.length) setCodes(r.data.recoveryCodes);
              (e.target as HTMLFormElement).reset();
              refresh();
            } catch (err) {
              setError(err instanceof Error && err.name === "NotAllowedError" ? "The passkey prompt was closed." : err instanceof Error ? err.message : "Adding the passkey failed.");
            }
            setBusy(null);
          }}
        >
          <TextField className="sm:w-64" label="Passkey name" name="name" placeholder="e.g. Work laptop" maxLength={100} />
          <Button type="submit" size="md" variant="secondary" loading={busy === "passkey"}>
            Add a passkey
          </Button>
        </form>
      </section>

      {totp || hasPasskey ? (
        <section aria-labelledby="recovery-heading" className="space-y-3 border-t border-slate-200 pt-6">
          <h3 id="recovery-heading" className="font-medium text-slate-900">
            Recovery codes
          </h3>
          <p className="text-sm text-slate-600">
            {recoveryCodesLeft} of 10 unused. Use one when you cannot reach your authenticator app or passkey.
          </p>
          {confirming?.what === "regenerate" ? (
            <ConfirmWithFactor label="Confirm to replace your recovery codes" totp={totp} passkey={hasPasskey} onProof={onConfirmProof} onCancel={() => setConfirming(null)} />
          ) : (
            <Button type="button" size="sm" variant="secondary" onClick={() => setConfirming({ what: "regenerate" })}>
              Generate new codes
            </Button>
          )}
        </section>
      ) : null}
    </div>
  );
}
