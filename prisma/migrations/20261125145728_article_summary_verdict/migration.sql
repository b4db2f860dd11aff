-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "summaryVerdictId" TEXT;

-- CreateIndex
CREATE INDEX "Article_summaryVerdictId_idx" ON "Article"("summaryVerdictId");

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_summaryVerdictId_fkey" FOREIGN KEY ("summaryVerdictId") REFERENCES "Verdict"("id") ON DELETE SET NULL ON UPDATE CASCADE;
