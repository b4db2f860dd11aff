-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "evidenceId" TEXT;

-- CreateTable
CREATE TABLE "EvidenceFile" (
    "id" TEXT NOT NULL,
    "uploaderId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EvidenceFile_uploaderId_createdAt_idx" ON "EvidenceFile"("uploaderId", "createdAt");

-- CreateIndex
CREATE INDEX "EvidenceFile_createdAt_idx" ON "EvidenceFile"("createdAt");

-- CreateIndex
CREATE INDEX "Source_evidenceId_idx" ON "Source"("evidenceId");

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "EvidenceFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_uploaderId_fkey" FOREIGN KEY ("uploaderId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "EvidenceFile" ALTER COLUMN "data" SET STORAGE EXTERNAL; -- already-compressed images and PDFs: do not try to compress again
