-- AlterTable
ALTER TABLE "Domain" ADD COLUMN     "verificationCheckedAt" TIMESTAMP(3),
ADD COLUMN     "verificationConfirmedAt" TIMESTAMP(3),
ADD COLUMN     "verificationLostAt" TIMESTAMP(3),
ADD COLUMN     "verificationLostReason" TEXT;

-- CreateIndex
CREATE INDEX "Domain_verifiedAt_verificationCheckedAt_idx" ON "Domain"("verifiedAt", "verificationCheckedAt");
