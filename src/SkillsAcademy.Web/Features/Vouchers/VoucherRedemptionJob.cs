using Hangfire;

namespace SkillsAcademy.Web.Features.Vouchers;

/// <summary>
/// Hangfire job: decides pending redemption requests in batches of <see cref="BatchSize"/>, each in its own
/// transaction. It is enqueued after every request and runs every minute as a safety net, so a request whose
/// enqueue was lost in a crash is still decided. Runs may overlap: the per-request guarded claim makes that safe.
/// </summary>
public sealed partial class VoucherRedemptionJob(VoucherRedemptions redemptions, ILogger<VoucherRedemptionJob> logger)
{
    public const string RecurringJobId = "voucher-redemptions";
    public const int BatchSize = 200;

    [AutomaticRetry(Attempts = 3)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var decided = 0;
        long afterId = 0;
        while (true)
        {
            var pending = await redemptions.ListPendingAsync(BatchSize, afterId, cancellationToken);
            if (pending.Count == 0)
            {
                return decided;
            }

            foreach (var requestId in pending)
            {
                try
                {
                    if (await redemptions.ProcessAsync(requestId, cancellationToken) != RedemptionDecision.AlreadyDecided)
                    {
                        decided++;
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Rolled back; the request stays pending and the next run tries again. Others go on.
                    LogFailed(exception, requestId);
                }
            }

            afterId = pending[^1];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redemption request {RequestId} failed and stays pending")]
    private partial void LogFailed(Exception exception, long requestId);
}
