namespace SkillsAcademy.Domain.People;

/// <summary>
/// The real-name profile (实名信息) a certificate or a voucher needs. The ID number is held only encrypted, with a
/// keyed hash for uniqueness and its masked form for display.
/// </summary>
public sealed class LearnerProfile
{
    public const int MaxRealNameLength = 30;

    private LearnerProfile()
    {
        RealName = "";
        IdNumberProtected = "";
        IdNumberHash = "";
        IdNumberMasked = "";
        RegionCode = "";
    }

    public LearnerProfile(Guid userId)
        : this() => UserId = userId;

    public Guid UserId { get; private set; }

    public string RealName { get; private set; }

    public string IdNumberProtected { get; private set; }

    public string IdNumberHash { get; private set; }

    public string IdNumberMasked { get; private set; }

    public int EnterpriseId { get; private set; }

    /// <summary>Where the learner works: a county or city code (GB/T 2260).</summary>
    public string RegionCode { get; private set; }

    public bool UnionMember { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public void Update(
        string realName, string idNumberProtected, string idNumberHash, string idNumberMasked,
        int enterpriseId, string regionCode, bool unionMember, DateTimeOffset now)
    {
        RealName = realName.Trim();
        IdNumberProtected = idNumberProtected;
        IdNumberHash = idNumberHash;
        IdNumberMasked = idNumberMasked;
        EnterpriseId = enterpriseId;
        RegionCode = regionCode;
        UnionMember = unionMember;
        UpdatedAt = now;
    }
}
