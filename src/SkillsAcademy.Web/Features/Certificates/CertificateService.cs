using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SkillsAcademy.Domain.Auditing;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Domain.Certificates;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Web.Features.Learning;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.Web.Features.Certificates;

/// <summary>
/// Issues, lists, verifies and revokes certificates. Issue is once per completed enrolment (a unique index and
/// a re-check make retries and duplicate triggers harmless); verification reveals nothing without the right code.
/// </summary>
public sealed partial class CertificateService(
    IDbContextFactory<SkillsAcademyDbContext> contextFactory,
    TimeProvider timeProvider,
    IOptions<CertificateOptions> options,
    IOptions<PlatformOptions> platform,
    ILogger<CertificateService> logger)
{
    public const string RevokedAction = "Certificate.Revoked";

    /// <summary>Issues the enrolment's certificate if it is completed and the learner's real-name profile is complete.</summary>
    public async Task<IssueResult> IssueAsync(int enrolmentId, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            if (await db.Certificates.AsNoTracking().Where(c => c.EnrolmentId == enrolmentId).Select(c => c.Serial).SingleOrDefaultAsync(cancellationToken) is { } existing)
            {
                return new IssueResult(IssueOutcome.AlreadyIssued, existing);
            }

            var enrolment = await db.Enrolments.AsNoTracking().SingleOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken);
            if (enrolment?.CompletedAt is not { } completedAt)
            {
                return new IssueResult(IssueOutcome.NotCompleted, null);
            }

            var profile = await db.LearnerProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == enrolment.LearnerId, cancellationToken);
            if (profile is null)
            {
                return new IssueResult(IssueOutcome.ProfileIncomplete, null);
            }

            // A completed enrolment always has a published (or since archived) version: the one it was studied in.
            var version = (await StudyVersionQueries.LoadAsync(db, enrolment.CourseId, cancellationToken))!;
            var occupation = await db.Occupations.AsNoTracking()
                .Where(o => o.Id == version.OccupationId)
                .Select(o => new { o.Name, o.Code })
                .SingleAsync(cancellationToken);
            var now = timeProvider.GetUtcNow();
            var year = TimeZoneInfo.ConvertTime(now, platform.Value.GetTimeZone()).Year;
            var issuer = options.Value.Issuer;
            var sequence = await db.Certificates.Where(c => c.Issuer == issuer && c.Year == year).MaxAsync(c => (int?)c.Sequence, cancellationToken) ?? 0;
            var certificate = new Certificate(
                CertificateSerial.Create(issuer, year, sequence + 1),
                VerificationCode.Generate(),
                enrolment.Id,
                enrolment.LearnerId,
                enrolment.CourseId,
                profile.RealName,
                profile.IdNumberMasked,
                version.Title,
                occupation.Name,
                occupation.Code,
                version.SkillLevel,
                new CreditHours(platform.Value.CreditHourMinutes * 60).FromSeconds(version.NominalMinutes * 60L),
                completedAt,
                now);
            db.Certificates.Add(certificate);
            await LearningRecords.AppendAsync(db, new NewLearningEvent(enrolment.LearnerId, LearningEventKind.CertificateIssued, now, new Dictionary<string, string>
            {
                ["courseId"] = enrolment.CourseId.ToString(CultureInfo.InvariantCulture),
                ["serial"] = certificate.Serial,
            }), cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                LogIssued(certificate.Serial, enrolment.Id);
                return new IssueResult(IssueOutcome.Issued, certificate.Serial);
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another run issued this enrolment's certificate, took the serial number, or the chain position.
            }
        }
    }

    /// <summary>Completed enrolments still without a certificate (a job was lost, or the profile came later).</summary>
    public async Task<IReadOnlyList<int>> ListMissingAsync(int max, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Enrolments.AsNoTracking()
            .Where(e => e.CompletedAt != null
                && !db.Certificates.Any(c => c.EnrolmentId == e.Id)
                && db.LearnerProfiles.Any(p => p.UserId == e.LearnerId))
            .OrderBy(e => e.Id)
            .Select(e => e.Id)
            .Take(max)
            .ToListAsync(cancellationToken);
    }

    public async Task<int?> FindEnrolmentAsync(Guid learnerId, int courseId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Enrolments.Where(e => e.LearnerId == learnerId && e.CourseId == courseId).Select(e => (int?)e.Id).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Certificate>> ListMineAsync(Guid learnerId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Certificates.AsNoTracking().Where(c => c.LearnerId == learnerId).OrderByDescending(c => c.IssuedAt).ToListAsync(cancellationToken);
    }

    /// <summary>The learner's own certificate by serial; another learner's is not found.</summary>
    public async Task<Certificate?> GetMineAsync(Guid learnerId, string serial, CancellationToken cancellationToken = default)
    {
        if (!CertificateSerial.TryParse(serial, out var parsed))
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Serial == parsed.Value && c.LearnerId == learnerId, cancellationToken);
    }

    /// <summary>
    /// The public check. A wrong code and an unknown serial give the same answer in about the same time, so the page
    /// cannot be used to find out which serials exist.
    /// </summary>
    public async Task<Verification> VerifyAsync(string? serial, string? code, CancellationToken cancellationToken = default)
    {
        var normalizedCode = (code ?? "").Trim().ToUpperInvariant();
        Certificate? certificate = null;
        if (CertificateSerial.TryParse(serial, out var parsed))
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            certificate = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Serial == parsed.Value, cancellationToken);
        }

        var expected = Encoding.ASCII.GetBytes(certificate?.VerificationCode ?? "##########");
        var given = Encoding.ASCII.GetBytes(VerificationCode.IsWellFormed(normalizedCode) ? normalizedCode : "**********");
        var matches = CryptographicOperations.FixedTimeEquals(expected, given) && certificate is not null;
        if (!matches)
        {
            return Verification.NotFound;
        }

        return new Verification(
            certificate!.IsRevoked ? VerificationStatus.Revoked : VerificationStatus.Valid,
            certificate.Serial,
            certificate.MaskedLearnerName,
            certificate.CourseTitle,
            certificate.OccupationName,
            certificate.OccupationCode,
            certificate.SkillLevel,
            certificate.CreditHours,
            certificate.CompletedAt,
            certificate.IssuedAt,
            certificate.RevokedAt,
            options.Value.IssuerName);
    }

    /// <summary>Certificates for staff: by serial, learner name or course title.</summary>
    public async Task<IReadOnlyList<Certificate>> SearchAsync(string? text, int max, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Certificates.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            var serial = t.ToUpperInvariant();
            query = query.Where(c => c.Serial == serial || c.LearnerName.Contains(t) || c.CourseTitle.Contains(t));
        }

        return await query.OrderByDescending(c => c.IssuedAt).Take(Math.Clamp(max, 1, 200)).ToListAsync(cancellationToken);
    }

    /// <summary>Revokes once, with a reason; the audit log and the learner's chain record it in the same transaction.</summary>
    public async Task<RevokeOutcome> RevokeAsync(Guid staffId, string serial, string? reason, CancellationToken cancellationToken = default)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > Certificate.MaxReasonLength)
        {
            return RevokeOutcome.ReasonRequired;
        }

        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var certificate = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Serial == serial, cancellationToken);
            if (certificate is null)
            {
                return RevokeOutcome.NotFound;
            }

            var now = timeProvider.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var revoked = await db.Certificates
                .Where(c => c.Id == certificate.Id && c.RevokedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.RevokedAt, now).SetProperty(c => c.RevocationReason, reason), cancellationToken);
            if (revoked != 1)
            {
                return RevokeOutcome.AlreadyRevoked;
            }

            db.AuditEntries.Add(new AuditEntry(now, staffId, RevokedAction, certificate.Serial, reason));
            await LearningRecords.AppendAsync(db, new NewLearningEvent(certificate.LearnerId, LearningEventKind.CertificateRevoked, now, new Dictionary<string, string>
            {
                ["courseId"] = certificate.CourseId.ToString(CultureInfo.InvariantCulture),
                ["serial"] = certificate.Serial,
                ["reason"] = reason,
            }), cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return RevokeOutcome.Revoked;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // The learner's chain moved on meanwhile; the rollback undid the revocation too.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued certificate {Serial} for enrolment {EnrolmentId}")]
    private partial void LogIssued(string serial, int enrolmentId);
}

public enum IssueOutcome
{
    Issued,
    AlreadyIssued,
    NotCompleted,
    ProfileIncomplete,
}

public sealed record IssueResult(IssueOutcome Outcome, string? Serial);

public enum VerificationStatus
{
    NotFound,
    Valid,
    Revoked,
}

/// <summary>What anyone with the serial and the code may know: the name is masked, nothing else personal.</summary>
public sealed record Verification(
    VerificationStatus Status,
    string? Serial,
    string? MaskedName,
    string? CourseTitle,
    string? OccupationName,
    string? OccupationCode,
    SkillLevel? Level,
    decimal? CreditHours,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? IssuedAt,
    DateTimeOffset? RevokedAt,
    string? Issuer)
{
    public static Verification NotFound { get; } = new(VerificationStatus.NotFound, null, null, null, null, null, null, null, null, null, null, null);
}

public enum RevokeOutcome
{
    Revoked,
    AlreadyRevoked,
    NotFound,
    ReasonRequired,
}
