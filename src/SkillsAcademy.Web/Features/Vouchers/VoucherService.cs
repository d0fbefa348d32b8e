using FluentValidation;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Domain.Vouchers;
using SkillsAcademy.Infrastructure.PersonalData;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.Web.Features.Vouchers;

/// <summary>
/// Electronic training vouchers (电子培训券): batches, issuance (import or claim code), voids, the settlement report,
/// and the learner's side (my vouchers, claim, redemption request). Every status change is a guarded update
/// (WHERE Status = expected, rows affected checked) inside one transaction, backed by unique indexes.
/// </summary>
public sealed partial class VoucherService(
    IDbContextFactory<SkillsAcademyDbContext> contextFactory,
    IValidator<VoucherBatchRequest> batchValidator,
    PersonalDataProtector personalData,
    IBackgroundJobClient jobs,
    TimeProvider timeProvider,
    IOptions<PlatformOptions> platform,
    ActionRateLimiter rateLimiter,
    ILogger<VoucherService> logger)
{
    public const int MaxImportRows = 50_000;

    private PlatformCalendar Calendar => new(platform.Value.GetTimeZone());

    private DateOnly Today => Calendar.DayOf(timeProvider.GetUtcNow());

    /// <summary>Saves the batch and hands the generation of its vouchers to a background job (the page shows progress).</summary>
    public async Task<BatchCreation> CreateBatchAsync(Guid actorId, VoucherBatchRequest request, CancellationToken cancellationToken = default)
    {
        var validation = await batchValidator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return new BatchCreation(null, validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()));
        }

        var terms = new VoucherTerms(
            request.CourseIds.Distinct().ToList(),
            request.OccupationIds.Distinct().ToList(),
            request.Levels.Distinct().ToList(),
            request.RegionCodes.Select(VoucherTerms.RegionPrefixOf).Distinct().ToList(),
            request.UnionMembersOnly,
            DateOnly.FromDateTime(request.ValidFrom!.Value),
            DateOnly.FromDateTime(request.ValidUntil!.Value));
        var batch = new VoucherBatch(request.Name, request.FundingSource, request.FaceValue!.Value, request.Quantity!.Value, terms, actorId, timeProvider.GetUtcNow());
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            db.VoucherBatches.Add(batch);
            await db.SaveChangesAsync(cancellationToken);
        }

        jobs.Enqueue<VoucherBatchGenerationJob>(job => job.RunAsync(batch.Id, CancellationToken.None));
        LogBatchCreated(batch.Id, batch.Quantity, actorId);
        return new BatchCreation(batch.Id, new Dictionary<string, string[]>());
    }

    public async Task<IReadOnlyList<BatchSummary>> ListBatchesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var batches = await db.VoucherBatches.AsNoTracking().OrderByDescending(b => b.Id).ToListAsync(cancellationToken);
        var redeemed = await db.Vouchers.AsNoTracking()
            .Where(v => v.Status == VoucherStatus.Redeemed)
            .GroupBy(v => v.BatchId)
            .Select(g => new { BatchId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.BatchId, x => x.Count, cancellationToken);
        return batches.Select(b => new BatchSummary(b.Id, b.Name, b.FundingSource, b.FaceValue, b.Quantity, b.GeneratedCount,
            redeemed.GetValueOrDefault(b.Id), b.ValidFrom, b.ValidUntil)).ToList();
    }

    public async Task<BatchDetail?> GetBatchAsync(int batchId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var batch = await db.VoucherBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == batchId, cancellationToken);
        if (batch is null)
        {
            return null;
        }

        var counts = await db.Vouchers.AsNoTracking()
            .Where(v => v.BatchId == batchId)
            .GroupBy(v => v.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Status, x => x.Count, cancellationToken);
        var courses = await EligibleCoursesAsync(db, batch.Terms, cancellationToken);
        return new BatchDetail(batch.Id, batch.Name, batch.FundingSource, batch.FaceValue, batch.Quantity, batch.GeneratedCount, batch.Terms,
            batch.ClaimCode, counts, courses.Select(c => c.Title).ToList());
    }

    /// <summary>Turns on claiming with a fresh CSPRNG code (or returns the one in use).</summary>
    public async Task<string> OpenClaimingAsync(int batchId, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var batch = await db.VoucherBatches.SingleAsync(b => b.Id == batchId, cancellationToken);
            if (batch.ClaimCode is not null)
            {
                return batch.ClaimCode;
            }

            batch.OpenClaiming(VoucherCode.GenerateClaimCode());
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return batch.ClaimCode!;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another batch drew the same code; draw again.
            }
        }
    }

    public async Task CloseClaimingAsync(int batchId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.VoucherBatches.Where(b => b.Id == batchId)
            .ExecuteUpdateAsync(set => set.SetProperty(b => b.ClaimCode, (string?)null), cancellationToken);
    }

    /// <summary>Voids a voucher that is not redeemed, with the reason, audited in the same transaction.</summary>
    public async Task<VoidOutcome> VoidAsync(Guid actorId, string code, string reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > VoucherAuditEntry.MaxReasonLength)
        {
            return VoidOutcome.ReasonRequired;
        }

        var normalised = VoucherCode.Normalise(code);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var voucher = await db.Vouchers.AsNoTracking().Where(v => v.Code == normalised).Select(v => new { v.Id, v.Status }).SingleOrDefaultAsync(cancellationToken);
        if (voucher is null)
        {
            return VoidOutcome.NotFound;
        }

        if (!VoucherTransitions.CanTransition(voucher.Status, VoucherStatus.Void))
        {
            return voucher.Status == VoucherStatus.Void ? VoidOutcome.AlreadyVoid : VoidOutcome.AlreadyRedeemed;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.Vouchers.Where(v => v.Id == voucher.Id && v.Status == voucher.Status)
            .ExecuteUpdateAsync(set => set.SetProperty(v => v.Status, VoucherStatus.Void), cancellationToken);
        if (changed != 1)
        {
            // Redeemed, reserved or voided in between: the caller looks again.
            return VoidOutcome.Changed;
        }

        // A pending request on this voucher is decided now, so the job does not pick it up.
        await db.RedemptionRequests.Where(r => r.VoucherId == voucher.Id && r.Status == RedemptionRequestStatus.Pending)
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.Status, RedemptionRequestStatus.Rejected)
                .SetProperty(r => r.Refusal, VoucherRefusal.Void)
                .SetProperty(r => r.DecidedAt, timeProvider.GetUtcNow()), cancellationToken);
        db.VoucherAuditEntries.Add(new VoucherAuditEntry(voucher.Id, voucher.Status, VoucherStatus.Void, actorId, reason.Trim(), timeProvider.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogVoided(voucher.Id, actorId);
        return VoidOutcome.Voided;
    }

    public async Task<IReadOnlyList<VoidRecord>> ListVoidsAsync(int batchId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.VoucherAuditEntries.AsNoTracking()
            .Join(db.Vouchers.Where(v => v.BatchId == batchId), a => a.VoucherId, v => v.Id, (a, v) => new { a, v.Code })
            .Join(db.Users, x => x.a.ActorId, u => u.Id, (x, u) => new { x.a, x.Code, u.DisplayName })
            .OrderByDescending(x => x.a.Id)
            .Select(x => new VoidRecord(x.Code, x.a.From, x.a.Reason, x.DisplayName, x.a.At))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The settlement report of one month (platform calendar): per course provider the number of redemptions and
    /// what is owed. Summed in decimal in memory, as SQLite has no exact decimal arithmetic.
    /// </summary>
    public async Task<IReadOnlyList<SettlementLine>> SettlementAsync(string month, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var entries = await db.SettlementEntries.AsNoTracking()
            .Where(s => s.Month == month)
            .Join(db.VoucherBatches, s => s.BatchId, b => b.Id, (s, b) => new { s.ProviderId, s.ProviderName, s.Amount, b.FundingSource })
            .ToListAsync(cancellationToken);
        return entries
            .GroupBy(e => new { e.ProviderId, e.ProviderName, e.FundingSource })
            .Select(g => new SettlementLine(month, g.Key.ProviderId, g.Key.ProviderName, g.Key.FundingSource, g.Count(), g.Sum(e => e.Amount)))
            .OrderBy(l => l.ProviderName, StringComparer.Ordinal)
            .ThenBy(l => l.FundingSource, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Months that have ledger entries, newest first, plus the current month.</summary>
    public async Task<IReadOnlyList<string>> ListSettlementMonthsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var months = await db.SettlementEntries.AsNoTracking().Select(s => s.Month).Distinct().ToListAsync(cancellationToken);
        months.Add(SettlementEntry.MonthOf(Today));
        return months.Distinct().OrderDescending(StringComparer.Ordinal).ToList();
    }

    /// <summary>What the batch form offers: listed courses that take vouchers, occupations, provinces and cities.</summary>
    public async Task<BatchFormOptions> GetBatchFormOptionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var courses = await db.Courses.AsNoTracking()
            .Where(c => c.PublishedAt != null && (c.VoucherEligible || c.VoucherRequired))
            .OrderBy(c => c.Code)
            .Select(c => new EligibleCourse(c.Id, c.Code, c.ListingTitle))
            .ToListAsync(cancellationToken);
        var occupations = await db.Occupations.AsNoTracking()
            .OrderBy(o => o.Code)
            .Select(o => new OccupationOption(o.Id, o.Code, o.Name, o.EnglishName))
            .ToListAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking()
            .Where(r => r.Code.EndsWith("00"))
            .OrderBy(r => r.Code)
            .Select(r => new RegionOption(r.Code, r.Name))
            .ToListAsync(cancellationToken);
        return new BatchFormOptions(courses, occupations, regions);
    }

    /// <summary>Listed courses that take vouchers and match the terms; for the pages and the learner's picker.</summary>
    internal static async Task<List<EligibleCourse>> EligibleCoursesAsync(SkillsAcademyDbContext db, VoucherTerms terms, CancellationToken cancellationToken)
    {
        var courses = await db.Courses.AsNoTracking()
            .Where(c => c.PublishedAt != null && (c.VoucherEligible || c.VoucherRequired))
            .OrderBy(c => c.Code)
            .Select(c => new { c.Id, c.Code, c.ListingTitle, c.OccupationId, c.SkillLevel })
            .ToListAsync(cancellationToken);
        return courses.Where(c => terms.CoversCourse(c.Id, c.OccupationId, c.SkillLevel, courseTakesVouchers: true))
            .Select(c => new EligibleCourse(c.Id, c.Code, c.ListingTitle))
            .ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Voucher batch {BatchId} created with {Quantity} vouchers by {ActorId}")]
    private partial void LogBatchCreated(int batchId, int quantity, Guid actorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Voucher {VoucherId} voided by {ActorId}")]
    private partial void LogVoided(int voucherId, Guid actorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Voucher import into batch {BatchId}: {Issued} issued, {Rejected} rows rejected")]
    private partial void LogImported(int batchId, int issued, int rejected);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redemption requested for voucher {VoucherId} by {LearnerId}")]
    private partial void LogRedemptionRequested(int voucherId, Guid learnerId);
}

public sealed record BatchCreation(int? BatchId, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => BatchId is not null;
}

public sealed record BatchSummary(
    int Id, string Name, string FundingSource, decimal FaceValue, int Quantity, int GeneratedCount, int Redeemed, DateOnly ValidFrom, DateOnly ValidUntil)
{
    public bool IsReady => GeneratedCount >= Quantity;
}

public sealed record BatchDetail(
    int Id, string Name, string FundingSource, decimal FaceValue, int Quantity, int GeneratedCount, VoucherTerms Terms, string? ClaimCode,
    IReadOnlyDictionary<VoucherStatus, int> CountByStatus, IReadOnlyList<string> EligibleCourseTitles)
{
    public bool IsReady => GeneratedCount >= Quantity;

    public int ProgressPercent => Quantity == 0 ? 100 : (int)(100L * GeneratedCount / Quantity);
}

public sealed record EligibleCourse(int Id, string Code, string Title);

public sealed record OccupationOption(int Id, string Code, string Name, string EnglishName);

public sealed record RegionOption(string Code, string Name);

public sealed record BatchFormOptions(IReadOnlyList<EligibleCourse> Courses, IReadOnlyList<OccupationOption> Occupations, IReadOnlyList<RegionOption> Regions);

public sealed record VoidRecord(string Code, VoucherStatus From, string Reason, string ActorName, DateTimeOffset At);

/// <summary>One provider's line of a month's settlement; <see cref="ProviderId"/> null is the federation itself.</summary>
public sealed record SettlementLine(string Month, Guid? ProviderId, string ProviderName, string FundingSource, int Redemptions, decimal Amount);

public enum VoidOutcome
{
    Voided,
    NotFound,
    AlreadyRedeemed,
    AlreadyVoid,
    Changed,
    ReasonRequired,
}
