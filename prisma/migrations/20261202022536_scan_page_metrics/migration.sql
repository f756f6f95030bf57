-- AlterTable
ALTER TABLE "ScanPage" ADD COLUMN     "cls" DOUBLE PRECISION,
ADD COLUMN     "fcpMs" INTEGER,
ADD COLUMN     "lcpMs" INTEGER,
ADD COLUMN     "perfScore" INTEGER,
ADD COLUMN     "requests" INTEGER,
ADD COLUMN     "severities" JSONB,
ADD COLUMN     "tbtMs" INTEGER,
ADD COLUMN     "ttfbMs" INTEGER;
