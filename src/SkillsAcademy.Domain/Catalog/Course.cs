namespace SkillsAcademy.Domain.Catalog;

/// <summary>
/// A course across all its versions. The catalog lists the published version; its listing fields (title,
/// summary, occupation, level, voucher eligibility) are copied here on publish so that catalog queries never
/// join the versions, and a draft's changes reach the catalog only through review.
/// </summary>
public sealed class Course
{
    public const int MaxCodeLength = 40;
    public const int MaxTitleLength = 100;
    public const int MaxSummaryLength = 500;

    private readonly List<CourseVersion> _versions = [];

    private Course()
    {
        Code = "";
        ListingTitle = "";
        ListingSummary = "";
    }

    public Course(string code, int occupationId, SkillLevel level, bool voucherEligible, Guid? ownerId, DateTimeOffset createdAt)
    {
        Code = code;
        OccupationId = occupationId;
        SkillLevel = level;
        VoucherEligible = voucherEligible;
        OwnerId = ownerId;
        CreatedAt = createdAt;
        ListingTitle = "";
        ListingSummary = "";
    }

    public int Id { get; private set; }

    /// <summary>Stable identifier of the course across imports, e.g. WELD-L5-SMAW.</summary>
    public string Code { get; private set; }

    public int OccupationId { get; private set; }

    public Occupation? Occupation { get; private set; }

    public SkillLevel SkillLevel { get; private set; }

    public bool VoucherEligible { get; private set; }

    /// <summary>Copied from the published version: enrolment only by redeeming a voucher.</summary>
    public bool VoucherRequired { get; private set; }

    /// <summary>The instructor who authors it; null for courses imported by the federation.</summary>
    public Guid? OwnerId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string ListingTitle { get; private set; }

    public string ListingSummary { get; private set; }

    public int ListingNominalMinutes { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public int EnrolmentCount { get; private set; }

    public IReadOnlyList<CourseVersion> Versions => _versions;

    /// <summary>Listed in the catalog: one of its versions is published.</summary>
    public bool IsListed => PublishedAt is not null;

    public CourseVersion AddVersion(CourseVersion version)
    {
        _versions.Add(version);
        return version;
    }

    /// <summary>Starts editing a published course: a new draft copied from the published version.</summary>
    public CourseVersion StartNewVersion(DateTimeOffset now)
    {
        if (_versions.Any(v => v.IsEditable || v.Status == CourseVersionStatus.Submitted))
        {
            throw new InvalidOperationException("The course already has a version in progress.");
        }

        var published = _versions.SingleOrDefault(v => v.Status == CourseVersionStatus.Published)
            ?? throw new InvalidOperationException("Only a published course gets a new version.");
        return AddVersion(published.CopyAsDraft(_versions.Max(v => v.Number) + 1, now));
    }

    /// <summary>Withdraws the course from the catalog; its published version is archived, never deleted.</summary>
    public void Archive(DateTimeOffset now)
    {
        var published = _versions.SingleOrDefault(v => v.Status == CourseVersionStatus.Published)
            ?? throw new InvalidOperationException("Only a listed course can be archived.");
        published.MoveTo(CourseVersionStatus.Archived, now);
        PublishedAt = null;
    }

    /// <summary>The version an author works on now (draft, submitted or returned), if any.</summary>
    public CourseVersion? WorkingCopy =>
        _versions.SingleOrDefault(v => v.IsEditable || v.Status == CourseVersionStatus.Submitted);


    /// <summary>Makes <paramref name="version"/> the listed one; the previous published version is archived, not deleted.</summary>
    public void Publish(CourseVersion version, DateTimeOffset now)
    {
        if (!_versions.Contains(version))
        {
            throw new InvalidOperationException("The version belongs to another course.");
        }

        foreach (var previous in _versions.Where(v => v.Status == CourseVersionStatus.Published && v != version))
        {
            previous.MoveTo(CourseVersionStatus.Archived, now);
        }

        // Submitted by an instructor and approved by staff, or imported by the federation straight from a draft.
        if (version.Status == CourseVersionStatus.Draft)
        {
            version.MoveTo(CourseVersionStatus.Submitted, now);
        }

        version.MoveTo(CourseVersionStatus.Published, now);
        OccupationId = version.OccupationId;
        SkillLevel = version.SkillLevel;
        VoucherEligible = version.VoucherEligible;
        VoucherRequired = version.VoucherRequired;
        ListingTitle = version.Title;
        ListingSummary = version.Summary;
        ListingNominalMinutes = version.NominalMinutes;
        PublishedAt = now;
    }
}
