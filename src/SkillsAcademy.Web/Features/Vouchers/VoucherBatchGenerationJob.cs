using Hangfire;
using Microsoft.EntityFrameworkCore;
using SkillsAcademy.Domain.Vouchers;
using SkillsAcademy.Infrastructure.Persistence;

namespace SkillsAcademy.Web.Features.Vouchers;

/// <summary>
/// Writes a batch's vouchers in chunks, each chunk in one transaction together with the progress counter
/// (guarded: WHERE GeneratedCount = expected), so a re-run after a crash continues where it stopped and a
/// concurrent run never writes a chunk twice.
/// </summary>
public sealed partial class VoucherBatchGenerationJob(
    IDbContextFactory<SkillsAcademyDbContext> contextFactory,
    ILogger<VoucherBatchGenerationJob> logger)
{
    public const int ChunkSize = 2_000;

    [AutomaticRetry(Attempts = 5)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(int batchId, CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var batch = await db.VoucherBatches.AsNoTracking()
                .Where(b => b.Id == batchId)
                .Select(b => new { b.Quantity, b.GeneratedCount })
                .SingleAsync(cancellationToken);
            if (batch.GeneratedCount >= batch.Quantity)
            {
                LogFinished(batchId, batch.Quantity);
                return;
            }

            var count = Math.Min(ChunkSize, batch.Quantity - batch.GeneratedCount);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var advanced = await db.VoucherBatches.Where(b => b.Id == batchId && b.GeneratedCount == batch.GeneratedCount)
                .ExecuteUpdateAsync(set => set.SetProperty(b => b.GeneratedCount, batch.GeneratedCount + count), cancellationToken);
            if (advanced != 1)
            {
                continue;
            }

            db.Vouchers.AddRange(Enumerable.Range(0, count).Select(_ => new Voucher(batchId, VoucherCode.Generate())));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // A code collided with an existing one (about 1 in 10^14 per pair): draw the chunk again.
                await transaction.RollbackAsync(cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Voucher batch {BatchId}: {Quantity} vouchers generated")]
    private partial void LogFinished(int batchId, int quantity);
}
