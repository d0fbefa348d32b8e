using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Domain.Vouchers;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Web.Features.Learning;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.Web.Features.Vouchers;

/// <summary>
/// Decides one pending redemption request in ONE transaction: the request is claimed with a guarded update
/// (Pending → Redeemed, rows affected == 1) so two job runs never both act; then the enrolment, the voucher
/// (Reserved → Redeemed, guarded), the ledger line and the learning event. A crash anywhere rolls it all back and
/// the request stays pending for the next run. A refusal releases the voucher (Reserved → Assigned) with the reason.
/// </summary>
public sealed partial class VoucherRedemptions(
    IDbContextFactory<SkillsAcademyDbContext> contextFactory,
    IRedemptionProbe probe,
    TimeProvider timeProvider,
    IOptions<PlatformOptions> platform,
    ILogger<VoucherRedemptions> logger)
{
    /// <summary>Oldest pending requests first.</summary>
    public async Task<IReadOnlyList<long>> ListPendingAsync(int take, long afterId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.RedemptionRequests.AsNoTracking()
            .Where(r => r.Status == RedemptionRequestStatus.Pending && r.Id > afterId)
            .OrderBy(r => r.Id)
            .Select(r => r.Id)
            .Take(take)
            .ToListAsync(cancellationToken);
    }

    public async Task<RedemptionDecision> ProcessAsync(long requestId, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var today = new PlatformCalendar(platform.Value.GetTimeZone()).DayOf(now);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var request = await db.RedemptionRequests.AsNoTracking()
            .Where(r => r.Id == requestId && r.Status == RedemptionRequestStatus.Pending)
            .SingleOrDefaultAsync(cancellationToken);
        if (request is null)
        {
            return RedemptionDecision.AlreadyDecided;
        }

        var voucher = await db.Vouchers.AsNoTracking().Where(v => v.Id == request.VoucherId)
            .Join(db.VoucherBatches, v => v.BatchId, b => b.Id, (v, b) => new { v.Status, v.LearnerId, BatchId = b.Id, b.FaceValue, Batch = b })
            .SingleAsync(cancellationToken);
        var course = await db.Courses.AsNoTracking().Where(c => c.Id == request.CourseId && c.PublishedAt != null)
            .Select(c => new
            {
                Facts = new CourseFacts(c.Id, c.OccupationId, c.SkillLevel, c.VoucherEligible || c.VoucherRequired),
                c.Code,
                c.OwnerId,
                VersionId = c.Versions.Where(v => v.Status == Domain.Catalog.CourseVersionStatus.Published).Select(v => v.Id).First(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        var facts = await VoucherService.FactsAsync(db, voucher.Status, voucher.LearnerId, request.LearnerId, voucher.Batch.Terms, course?.Facts, today, cancellationToken);
        var refusal = VoucherEligibility.Judge(facts, reserved: true);

        // Claim the request first: of two runs deciding it at once, exactly one goes on.
        var claimed = await db.RedemptionRequests.Where(r => r.Id == requestId && r.Status == RedemptionRequestStatus.Pending)
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.Status, refusal == VoucherRefusal.None ? RedemptionRequestStatus.Redeemed : RedemptionRequestStatus.Rejected)
                .SetProperty(r => r.Refusal, refusal)
                .SetProperty(r => r.DecidedAt, now), cancellationToken);
        if (claimed != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return RedemptionDecision.AlreadyDecided;
        }

        await probe.ReachedAsync(RedemptionStep.RequestClaimed, cancellationToken);
        if (refusal != VoucherRefusal.None)
        {
            // Released with the reason; a voucher voided meanwhile stays void (0 rows, nothing to release).
            await db.Vouchers.Where(v => v.Id == request.VoucherId && v.Status == VoucherStatus.Reserved)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(v => v.Status, VoucherStatus.Assigned)
                    .SetProperty(v => v.LastRefusal, refusal), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogRejected(requestId, refusal);
            return RedemptionDecision.Rejected;
        }

        var enrolment = await LearningService.EnrolWithinAsync(db, request.LearnerId, course!.Facts.CourseId, course.VersionId, course.Code, now, cancellationToken);
        await probe.ReachedAsync(RedemptionStep.Enrolled, cancellationToken);

        var redeemed = await db.Vouchers.Where(v => v.Id == request.VoucherId && v.Status == VoucherStatus.Reserved)
            .ExecuteUpdateAsync(set => set
                .SetProperty(v => v.Status, VoucherStatus.Redeemed)
                .SetProperty(v => v.EnrolmentId, enrolment.Id)
                .SetProperty(v => v.RedeemedAt, now)
                .SetProperty(v => v.LastRefusal, VoucherRefusal.None), cancellationToken);
        if (redeemed != 1)
        {
            // Cannot happen while the request was pending, unless staff voided it this instant: undo everything.
            throw new InvalidOperationException($"Voucher {request.VoucherId} was not reserved when request {requestId} redeemed it.");
        }

        await probe.ReachedAsync(RedemptionStep.VoucherRedeemed, cancellationToken);
        var providerName = course.OwnerId is { } ownerId
            ? await db.Users.Where(u => u.Id == ownerId).Select(u => u.DisplayName).SingleAsync(cancellationToken)
            : "";
        db.SettlementEntries.Add(new SettlementEntry(voucher.BatchId, request.VoucherId, course.Facts.CourseId, course.OwnerId,
            providerName, voucher.FaceValue, SettlementEntry.MonthOf(today), now));
        await LearningRecords.AppendAsync(db, new NewLearningEvent(request.LearnerId, LearningEventKind.VoucherRedeemed, now, new Dictionary<string, string>
        {
            ["course"] = course.Code,
            ["voucherId"] = request.VoucherId.ToString(CultureInfo.InvariantCulture),
            ["batchId"] = voucher.BatchId.ToString(CultureInfo.InvariantCulture),
            ["amount"] = voucher.FaceValue.ToString("0.00", CultureInfo.InvariantCulture),
        }), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await probe.ReachedAsync(RedemptionStep.BeforeCommit, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogRedeemed(requestId, request.VoucherId);
        return RedemptionDecision.Redeemed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Redemption request {RequestId} redeemed voucher {VoucherId}")]
    private partial void LogRedeemed(long requestId, int voucherId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redemption request {RequestId} rejected: {Refusal}")]
    private partial void LogRejected(long requestId, VoucherRefusal refusal);
}

public enum RedemptionDecision
{
    Redeemed,
    Rejected,
    AlreadyDecided,
}

/// <summary>The points inside a redemption's transaction, for fault-injection tests.</summary>
public enum RedemptionStep
{
    RequestClaimed,
    Enrolled,
    VoucherRedeemed,
    BeforeCommit,
}

/// <summary>
/// Called at each <see cref="RedemptionStep"/>. Production uses <see cref="NoRedemptionProbe"/>; the crash tests
/// pass one that throws, to prove that a failure at any point rolls the whole redemption back.
/// </summary>
public interface IRedemptionProbe
{
    ValueTask ReachedAsync(RedemptionStep step, CancellationToken cancellationToken);
}

public sealed class NoRedemptionProbe : IRedemptionProbe
{
    public ValueTask ReachedAsync(RedemptionStep step, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
