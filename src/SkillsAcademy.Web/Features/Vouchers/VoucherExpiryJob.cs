using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Domain.Vouchers;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.Web.Features.Vouchers;

/// <summary>
/// Nightly: vouchers still Issued or Assigned after their batch's last valid day become Expired, in one
/// statement. A Reserved voucher is left to the redemption job, which refuses it as expired and releases it
/// to Assigned, so the next run expires it.
/// </summary>
public sealed partial class VoucherExpiryJob(
    IDbContextFactory<SkillsAcademyDbContext> contextFactory,
    TimeProvider timeProvider,
    IOptions<PlatformOptions> platform,
    ILogger<VoucherExpiryJob> logger)
{
    public const string RecurringJobId = "voucher-expiry";

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var today = new PlatformCalendar(platform.Value.GetTimeZone()).Today(timeProvider);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var expiredBatches = db.VoucherBatches.Where(b => b.ValidUntil < today).Select(b => b.Id);
        var expired = await db.Vouchers
            .Where(v => expiredBatches.Contains(v.BatchId) && (v.Status == VoucherStatus.Issued || v.Status == VoucherStatus.Assigned))
            .ExecuteUpdateAsync(set => set.SetProperty(v => v.Status, VoucherStatus.Expired), cancellationToken);
        LogExpired(expired, today);
        return expired;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} vouchers expired (valid until before {Today})")]
    private partial void LogExpired(int count, DateOnly today);
}
