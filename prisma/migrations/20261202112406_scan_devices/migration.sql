-- CreateEnum
CREATE TYPE "Device" AS ENUM ('mobile', 'desktop');

-- AlterTable
ALTER TABLE "DomainScanSettings" ADD COLUMN     "devices" "Device"[] DEFAULT ARRAY['mobile']::"Device"[];

-- AlterTable
ALTER TABLE "FindingOccurrence" ADD COLUMN     "devices" "Device"[] DEFAULT ARRAY[]::"Device"[];

-- AlterTable
ALTER TABLE "Scan" ADD COLUMN     "devices" "Device"[] DEFAULT ARRAY['mobile']::"Device"[];

-- AlterTable
ALTER TABLE "ScanPage" ADD COLUMN     "deviceMetrics" JSONB;
