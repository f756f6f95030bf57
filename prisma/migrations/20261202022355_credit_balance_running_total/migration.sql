-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "creditBalance" INTEGER NOT NULL DEFAULT 0;

-- The running total starts from the ledger as it is.
UPDATE "Organization" o SET "creditBalance" = COALESCE((SELECT SUM(l."amount") FROM "CreditLedger" l WHERE l."organizationId" = o."id"), 0);

-- Every ledger change moves the running total in the same statement's transaction, whoever writes the row
-- (services, admin CLI, tests). The UPDATE also takes the organization's row lock, so concurrent movements of
-- one organization's credits queue behind each other.
CREATE OR REPLACE FUNCTION plumb_credit_ledger_balance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "Organization" SET "creditBalance" = "creditBalance" + NEW."amount" WHERE "id" = NEW."organizationId";
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE "Organization" SET "creditBalance" = "creditBalance" - OLD."amount" WHERE "id" = OLD."organizationId";
  ELSE
    UPDATE "Organization" SET "creditBalance" = "creditBalance" - OLD."amount" WHERE "id" = OLD."organizationId";
    UPDATE "Organization" SET "creditBalance" = "creditBalance" + NEW."amount" WHERE "id" = NEW."organizationId";
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "CreditLedger_balance"
AFTER INSERT OR DELETE OR UPDATE OF "amount", "organizationId" ON "CreditLedger"
FOR EACH ROW EXECUTE FUNCTION plumb_credit_ledger_balance();
