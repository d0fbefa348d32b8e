using Hangfire;
using Microsoft.EntityFrameworkCore;
using SkillsAcademy.Domain.Vouchers;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.Web.Features.Vouchers;

public sealed partial class VoucherService
{
    /// <summary>The learner's vouchers, newest first, with the courses each can pay for and the last refusal.</summary>
    public async Task<IReadOnlyList<MyVoucher>> ListMyVouchersAsync(Guid learnerId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var vouchers = await db.Vouchers.AsNoTracking()
            .Where(v => v.LearnerId == learnerId)
            .Join(db.VoucherBatches, v => v.BatchId, b => b.Id, (v, b) => new { v, b })
            .OrderByDescending(x => x.v.AssignedAt)
            .ToListAsync(cancellationToken);
        var pending = await db.RedemptionRequests.AsNoTracking()
            .Where(r => r.LearnerId == learnerId && r.Status == RedemptionRequestStatus.Pending)
            .Join(db.Courses, r => r.CourseId, c => c.Id, (r, c) => new { r.VoucherId, c.ListingTitle })
            .ToDictionaryAsync(x => x.VoucherId, x => x.ListingTitle, cancellationToken);
        var redeemedFor = await db.Vouchers.AsNoTracking()
            .Where(v => v.LearnerId == learnerId && v.EnrolmentId != null)
            .Join(db.Enrolments, v => v.EnrolmentId, e => e.Id, (v, e) => new { v.Id, e.CourseId })
            .Join(db.Courses, x => x.CourseId, c => c.Id, (x, c) => new { x.Id, c.ListingTitle })
            .ToDictionaryAsync(x => x.Id, x => x.ListingTitle, cancellationToken);
        var today = Today;
        var result = new List<MyVoucher>();
        foreach (var x in vouchers)
        {
            var courses = await EligibleCoursesAsync(db, x.b.Terms, cancellationToken);
            result.Add(new MyVoucher(x.v.Id, VoucherCode.Display(x.v.Code), x.b.Name, x.b.FaceValue, x.v.Status, x.b.ValidFrom, x.b.ValidUntil,
                x.v.Status == VoucherStatus.Assigned && x.b.Terms.IsValidOn(today), courses, x.v.LastRefusal,
                pending.GetValueOrDefault(x.v.Id) ?? redeemedFor.GetValueOrDefault(x.v.Id)));
        }

        return result;
    }

    /// <summary>The learner's vouchers that can pay for this course today (for the course page's redeem button).</summary>
    public async Task<IReadOnlyList<MyVoucher>> ListUsableForCourseAsync(Guid learnerId, string courseCode, CancellationToken cancellationToken = default) =>
        (await ListMyVouchersAsync(learnerId, cancellationToken))
            .Where(v => v.CanRedeem && v.EligibleCourses.Any(c => c.Code == courseCode))
            .ToList();

    /// <summary>
    /// Gives the learner one voucher of the batch behind the claim code while stock lasts: a guarded update on one
    /// Issued voucher, retried if another learner took it first; one per learner and batch (unique index).
    /// </summary>
    public async Task<ClaimOutcome> ClaimAsync(Guid learnerId, string claimCode, CancellationToken cancellationToken = default)
    {
        // Claim codes are short: trying many of them is the attack, so attempts per learner are limited.
        if (!rateLimiter.TryAcquire(LimitedAction.VoucherClaim, ActionRateLimiter.UserKey(learnerId)))
        {
            return ClaimOutcome.TooManyAttempts;
        }

        var code = VoucherCode.Normalise(claimCode);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var batch = code.Length == 0 ? null : await db.VoucherBatches.AsNoTracking().SingleOrDefaultAsync(b => b.ClaimCode == code, cancellationToken);
        if (batch is null)
        {
            return ClaimOutcome.UnknownCode;
        }

        if (Today > batch.ValidUntil)
        {
            return ClaimOutcome.Expired;
        }

        for (var attempt = 0; attempt < 20; attempt++)
        {
            if (await db.Vouchers.AnyAsync(v => v.BatchId == batch.Id && v.LearnerId == learnerId, cancellationToken))
            {
                return ClaimOutcome.AlreadyClaimed;
            }

            // Spread concurrent claimers over the stock so that they rarely reach for the same row.
            var candidates = await db.Vouchers.AsNoTracking()
                .Where(v => v.BatchId == batch.Id && v.Status == VoucherStatus.Issued)
                .OrderBy(v => v.Id)
                .Select(v => v.Id)
                .Take(16)
                .ToListAsync(cancellationToken);
            if (candidates.Count == 0)
            {
                return ClaimOutcome.OutOfStock;
            }

            var voucherId = candidates[Random.Shared.Next(candidates.Count)];
            try
            {
                var changed = await db.Vouchers.Where(v => v.Id == voucherId && v.Status == VoucherStatus.Issued)
                    .ExecuteUpdateAsync(set => set
                        .SetProperty(v => v.Status, VoucherStatus.Assigned)
                        .SetProperty(v => v.LearnerId, learnerId)
                        .SetProperty(v => v.AssignedAt, timeProvider.GetUtcNow()), cancellationToken);
                if (changed == 1)
                {
                    return ClaimOutcome.Claimed;
                }
            }
            catch (DbUpdateException)
            {
                // The learner's other tap claimed one of this batch at the same moment.
                return ClaimOutcome.AlreadyClaimed;
            }
        }

        return ClaimOutcome.Busy;
    }

    /// <summary>
    /// Asks to pay for an enrolment with a voucher. Idempotent by <paramref name="idempotencyKey"/>: the same key
    /// always answers the same request. The voucher moves Assigned → Reserved with a guarded update; the
    /// redemption job then decides. Refusals that can be known now (foreign, used, expired, ineligible) come back at once.
    /// </summary>
    public async Task<RedemptionRequestOutcome> RequestRedemptionAsync(
        Guid learnerId, int voucherId, string courseCode, Guid idempotencyKey, CancellationToken cancellationToken = default)
    {
        if (!rateLimiter.TryAcquire(LimitedAction.VoucherRedemption, ActionRateLimiter.UserKey(learnerId)))
        {
            return RedemptionRequestOutcome.Refused(VoucherRefusal.TooManyRequests);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await ExistingRequestAsync(db, idempotencyKey, learnerId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var voucher = await db.Vouchers.AsNoTracking().Where(v => v.Id == voucherId)
            .Join(db.VoucherBatches, v => v.BatchId, b => b.Id, (v, b) => new { v.Status, v.LearnerId, b })
            .SingleOrDefaultAsync(cancellationToken);
        if (voucher is null)
        {
            return RedemptionRequestOutcome.Refused(VoucherRefusal.NotFound);
        }

        var course = await db.Courses.AsNoTracking().Where(c => c.Code == courseCode && c.PublishedAt != null)
            .Select(c => new CourseFacts(c.Id, c.OccupationId, c.SkillLevel, c.VoucherEligible || c.VoucherRequired))
            .SingleOrDefaultAsync(cancellationToken);
        var facts = await FactsAsync(db, voucher.Status, voucher.LearnerId, learnerId, voucher.b.Terms, course, Today, cancellationToken);
        var refusal = VoucherEligibility.Judge(facts, reserved: false);
        if (refusal != VoucherRefusal.None)
        {
            // A twin tap with the same key may have reserved the voucher since we first looked: that is this request.
            return await ExistingRequestAsync(db, idempotencyKey, learnerId, cancellationToken) ?? RedemptionRequestOutcome.Refused(refusal);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var reserved = await db.Vouchers.Where(v => v.Id == voucherId && v.LearnerId == learnerId && v.Status == VoucherStatus.Assigned)
                .ExecuteUpdateAsync(set => set.SetProperty(v => v.Status, VoucherStatus.Reserved), cancellationToken);
            if (reserved == 1)
            {
                db.RedemptionRequests.Add(new RedemptionRequest(idempotencyKey, voucherId, learnerId, course!.CourseId, timeProvider.GetUtcNow()));
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    jobs.Enqueue<VoucherRedemptionJob>(job => job.RunAsync(CancellationToken.None));
                    LogRedemptionRequested(voucherId, learnerId);
                    return new RedemptionRequestOutcome(RedemptionRequestStatus.Pending, VoucherRefusal.None);
                }
                catch (DbUpdateException)
                {
                    // The same key arrived twice at once; the other one stands.
                    await transaction.RollbackAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                }
            }
        }

        // Someone else reserved, redeemed or voided it first; if that was this very request (a double tap), say so.
        return await ExistingRequestAsync(db, idempotencyKey, learnerId, cancellationToken) ?? RedemptionRequestOutcome.Refused(VoucherRefusal.AlreadyUsed);
    }

    /// <summary>The learner's profile and enrolment facts next to the voucher's, as the eligibility rule needs them.</summary>
    internal static async Task<RedemptionFacts> FactsAsync(
        SkillsAcademyDbContext db, VoucherStatus status, Guid? voucherLearnerId, Guid learnerId, VoucherTerms terms, CourseFacts? course,
        DateOnly today, CancellationToken cancellationToken)
    {
        var profile = await db.LearnerProfiles.AsNoTracking().Where(p => p.UserId == learnerId)
            .Select(p => new LearnerFacts(p.RegionCode, p.UnionMember))
            .SingleOrDefaultAsync(cancellationToken);
        var enrolled = course is not null && await db.Enrolments.AnyAsync(e => e.LearnerId == learnerId && e.CourseId == course.CourseId, cancellationToken);
        return new RedemptionFacts(status, voucherLearnerId, learnerId, terms, today, course, profile, enrolled);
    }

    private static async Task<RedemptionRequestOutcome?> ExistingRequestAsync(SkillsAcademyDbContext db, Guid idempotencyKey, Guid learnerId, CancellationToken cancellationToken)
    {
        var existing = await db.RedemptionRequests.AsNoTracking()
            .Where(r => r.IdempotencyKey == idempotencyKey && r.LearnerId == learnerId)
            .Select(r => new { r.Status, r.Refusal })
            .SingleOrDefaultAsync(cancellationToken);
        return existing is null ? null : new RedemptionRequestOutcome(existing.Status, existing.Refusal);
    }
}

public sealed record MyVoucher(
    int Id, string Code, string BatchName, decimal FaceValue, VoucherStatus Status, DateOnly ValidFrom, DateOnly ValidUntil, bool CanRedeem,
    IReadOnlyList<EligibleCourse> EligibleCourses, VoucherRefusal LastRefusal, string? CourseTitle);

/// <summary>Pending (the job decides), Redeemed or Rejected (with the reason), or refused at once (Rejected + reason).</summary>
public sealed record RedemptionRequestOutcome(RedemptionRequestStatus Status, VoucherRefusal Refusal)
{
    public static RedemptionRequestOutcome Refused(VoucherRefusal refusal) => new(RedemptionRequestStatus.Rejected, refusal);
}

public enum ClaimOutcome
{
    Claimed,
    UnknownCode,
    AlreadyClaimed,
    OutOfStock,
    Expired,
    Busy,
    TooManyAttempts,
}
