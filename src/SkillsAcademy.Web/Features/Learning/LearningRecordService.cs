using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SkillsAcademy.Domain.Auditing;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Infrastructure.PersonalData;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Web.Platform;
using SkillsAcademy.Web.Resources;

namespace SkillsAcademy.Web.Features.Learning;

/// <summary>
/// The learner's record (学习记录) as people read it: the learner's own timeline and export, and staff look-ups of
/// one learner's record, each of which is written to the audit log.
/// </summary>
public sealed class LearningRecordService(
    IDbContextFactory<SkillsAcademyDbContext> contextFactory,
    PersonalDataProtector personalData,
    IStringLocalizer<SharedResource> localizer,
    IOptions<PlatformOptions> platform,
    TimeProvider timeProvider)
{
    public const string ViewedAction = "LearningRecord.Viewed";
    public const string ExportedAction = "LearningRecord.Exported";
    private const int MaxMatches = 20;

    /// <summary>A page of the learner's record, newest first, and whether the whole chain verifies.</summary>
    public async Task<RecordPage> GetRecordAsync(Guid learnerId, int pageIndex, int pageSize, CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, 200);
        pageIndex = Math.Max(0, pageIndex);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var events = await db.LearningEvents.AsNoTracking()
            .Where(e => e.LearnerId == learnerId)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        var verification = LearningEventChain.Verify(events);
        var pageEvents = events.AsEnumerable().Reverse().Skip(pageIndex * pageSize).Take(pageSize).ToList();
        return new RecordPage(await DescribeAsync(db, pageEvents, cancellationToken), events.Count, verification);
    }

    /// <summary>Staff view of one learner's record; the view is audited before anything is returned.</summary>
    public async Task<RecordPage> GetRecordForStaffAsync(Guid staffId, Guid learnerId, int pageIndex, int pageSize, CancellationToken cancellationToken = default)
    {
        await AuditAsync(staffId, ViewedAction, learnerId, cancellationToken);
        return await GetRecordAsync(learnerId, pageIndex, pageSize, cancellationToken);
    }

    /// <summary>Writes the whole record as CSV (UTF-8 with BOM, so Excel shows Chinese), oldest first.</summary>
    public async Task WriteCsvAsync(Guid learnerId, Stream output, CancellationToken cancellationToken = default)
    {
        var rows = await ListAllAsync(learnerId, cancellationToken);
        // A byte order mark so Excel reads UTF-8 Chinese; cells that a spreadsheet would run as formulas are escaped.
        var options = new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        await using var csv = CsvWriter.Create(output, options, leaveOpen: true);
        await csv.WriteRecordAsync(
            [.. new[] { "Record.Sequence", "Record.Time", "Record.Event", "Record.Course", "Record.Details", "Record.Hash" }.Select(h => localizer[h].Value)],
            cancellationToken);
        foreach (var row in rows)
        {
            await csv.WriteRecordAsync(
                [
                    row.Sequence.ToString(CultureInfo.InvariantCulture),
                    Local(row.OccurredAt).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    localizer[$"Record.Kind.{row.Kind}"].Value,
                    row.CourseTitle ?? "",
                    Details(row),
                    row.Hash,
                ],
                cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    /// <summary>Every event of the learner, oldest first, described for people.</summary>
    public async Task<IReadOnlyList<RecordRow>> ListAllAsync(Guid learnerId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var events = await db.LearningEvents.AsNoTracking()
            .Where(e => e.LearnerId == learnerId)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        return await DescribeAsync(db, events, cancellationToken);
    }

    /// <summary>The event's particulars in the reader's language: lesson, seconds, day.</summary>
    public string Details(RecordRow row) => row.Kind switch
    {
        LearningEventKind.StudySegmentCredited => localizer["Record.Detail.Segment", row.LessonTitle ?? "", row.Seconds ?? 0],
        LearningEventKind.LessonCompleted => localizer["Record.Detail.LessonCompleted", row.LessonTitle ?? "", (row.Seconds ?? 0) / 60],
        LearningEventKind.CheckedIn => row.Day ?? "",
        _ => string.Join("; ", row.Data.Where(p => p.Key is not ("course" or "courseId" or "lesson" or "courseVersionId")).Select(p => $"{p.Key}={p.Value}")),
    };

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, platform.Value.GetTimeZone());

    /// <summary>
    /// Learners whose real name or display name contains the text, or whose mobile or ID number is exactly it.
    /// Numbers are matched through their keyed hashes: nothing is decrypted and nothing searched in clear.
    /// </summary>
    public async Task<IReadOnlyList<LearnerMatch>> FindLearnersAsync(string query, CancellationToken cancellationToken = default)
    {
        query = (query ?? "").Trim();
        if (query.Length < 2)
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var users = db.Users.AsNoTracking();
        IQueryable<Guid> ids;
        if (MobileNumber.TryParse(query, out var mobile))
        {
            var hash = personalData.LookupHash(PersonalDataKind.MobileNumber, mobile.Value);
            ids = users.Where(u => u.MobileLookupHash == hash).Select(u => u.Id);
        }
        else if (ResidentIdNumber.TryParse(query, DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime), out var idNumber, out _))
        {
            var hash = personalData.LookupHash(PersonalDataKind.ResidentIdNumber, idNumber.Value);
            ids = db.LearnerProfiles.Where(p => p.IdNumberHash == hash).Select(p => p.UserId);
        }
        else
        {
            ids = db.LearnerProfiles.Where(p => p.RealName.Contains(query)).Select(p => p.UserId)
                .Union(users.Where(u => u.DisplayName.Contains(query)).Select(u => u.Id));
        }

        return await (from user in users
                      where ids.Contains(user.Id)
                      join profile in db.LearnerProfiles on user.Id equals profile.UserId into profiles
                      from profile in profiles.DefaultIfEmpty()
                      orderby user.DisplayName
                      select new LearnerMatch(user.Id, user.DisplayName, profile != null ? profile.RealName : null, user.MobileNumberMasked, profile != null ? profile.IdNumberMasked : null))
            .Take(MaxMatches)
            .ToListAsync(cancellationToken);
    }

    public async Task AuditAsync(Guid actorId, string action, Guid learnerId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry(timeProvider.GetUtcNow(), actorId, action, learnerId.ToString()));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<RecordRow>> DescribeAsync(SkillsAcademyDbContext db, IReadOnlyList<LearningEvent> events, CancellationToken cancellationToken)
    {
        var courseIds = events.Select(e => e.Data.GetValueOrDefault("courseId")).OfType<string>()
            .Select(v => int.TryParse(v, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).ToHashSet();
        var courseCodes = events.Select(e => e.Data.GetValueOrDefault("course")).OfType<string>().ToHashSet();
        var lessonKeys = events.Select(e => e.Data.GetValueOrDefault("lesson")).OfType<string>()
            .Select(v => Guid.TryParse(v, out var key) ? key : Guid.Empty).Where(k => k != Guid.Empty).ToHashSet();
        var courses = await db.Courses.AsNoTracking()
            .Where(c => courseIds.Contains(c.Id) || courseCodes.Contains(c.Code))
            .Select(c => new { c.Id, c.Code, c.ListingTitle })
            .ToListAsync(cancellationToken);
        var lessons = (await db.Set<Domain.Catalog.Lesson>().AsNoTracking()
                .Where(l => lessonKeys.Contains(l.Key))
                .Select(l => new { l.Key, l.Title, l.Id })
                .ToListAsync(cancellationToken))
            .GroupBy(l => l.Key)
            .ToDictionary(g => g.Key, g => g.MaxBy(l => l.Id)!.Title);
        return events.Select(e =>
        {
            var courseTitle = e.Data.GetValueOrDefault("courseId") is { } id
                ? courses.FirstOrDefault(c => c.Id.ToString(CultureInfo.InvariantCulture) == id)?.ListingTitle
                : e.Data.GetValueOrDefault("course") is { } code ? courses.FirstOrDefault(c => c.Code == code)?.ListingTitle ?? code : null;
            var lessonTitle = e.Data.GetValueOrDefault("lesson") is { } key && Guid.TryParse(key, out var lessonKey) ? lessons.GetValueOrDefault(lessonKey) : null;
            var seconds = (e.Data.GetValueOrDefault("seconds") ?? e.Data.GetValueOrDefault("creditedSeconds")) is { } s
                && int.TryParse(s, CultureInfo.InvariantCulture, out var value) ? value : (int?)null;
            return new RecordRow(e.Sequence, e.OccurredAt, e.Kind, courseTitle, lessonTitle, seconds, e.Data.GetValueOrDefault("day"), e.Hash, e.Data);
        }).ToList();
    }
}

public sealed record RecordPage(IReadOnlyList<RecordRow> Rows, int Total, ChainVerificationResult Verification);

public sealed record RecordRow(
    long Sequence,
    DateTimeOffset OccurredAt,
    LearningEventKind Kind,
    string? CourseTitle,
    string? LessonTitle,
    int? Seconds,
    string? Day,
    string Hash,
    IReadOnlyDictionary<string, string> Data);

/// <summary>A learner found by staff: only masked numbers.</summary>
public sealed record LearnerMatch(Guid UserId, string DisplayName, string? RealName, string? MobileMasked, string? IdNumberMasked);
