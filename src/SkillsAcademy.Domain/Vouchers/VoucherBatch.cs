using SkillsAcademy.Domain.Catalog;

namespace SkillsAcademy.Domain.Vouchers;

/// <summary>
/// A funded lot of vouchers (电子培训券批次) with one set of terms: face value, which courses and learners qualify,
/// and the validity window in platform calendar days. Its vouchers are generated in the background, so a batch
/// of 100,000 reports its progress through <see cref="GeneratedCount"/>.
/// </summary>
public sealed class VoucherBatch
{
    public const int MaxNameLength = 100;
    public const int MaxFundingSourceLength = 100;
    public const int MaxQuantity = 200_000;
    public const decimal MaxFaceValue = 100_000m;

    private VoucherBatch()
    {
        Name = "";
        FundingSource = "";
    }

    public VoucherBatch(string name, string fundingSource, decimal faceValue, int quantity, VoucherTerms terms, Guid createdBy, DateTimeOffset createdAt)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quantity, MaxQuantity);
        if (faceValue <= 0 || faceValue > MaxFaceValue || decimal.Round(faceValue, 2) != faceValue)
        {
            throw new ArgumentOutOfRangeException(nameof(faceValue), "A face value is positive, in yuan with at most two decimal places.");
        }

        if (terms.ValidUntil < terms.ValidFrom)
        {
            throw new ArgumentOutOfRangeException(nameof(terms), "The validity window ends before it starts.");
        }

        Name = name.Trim();
        FundingSource = fundingSource.Trim();
        FaceValue = faceValue;
        Quantity = quantity;
        EligibleCourseIds = [.. terms.CourseIds];
        EligibleOccupationIds = [.. terms.OccupationIds];
        EligibleLevels = [.. terms.Levels];
        EligibleRegionPrefixes = [.. terms.RegionPrefixes];
        UnionMembersOnly = terms.UnionMembersOnly;
        ValidFrom = terms.ValidFrom;
        ValidUntil = terms.ValidUntil;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>Who pays, e.g. 工会职工教育经费 (union training funds); printed on the settlement report.</summary>
    public string FundingSource { get; private set; }

    /// <summary>CNY, two decimal places.</summary>
    public decimal FaceValue { get; private set; }

    public int Quantity { get; private set; }

    /// <summary>Vouchers written so far by the generation job; the batch is ready when it equals <see cref="Quantity"/>.</summary>
    public int GeneratedCount { get; private set; }

    public List<int> EligibleCourseIds { get; private set; } = [];

    public List<int> EligibleOccupationIds { get; private set; } = [];

    public List<SkillLevel> EligibleLevels { get; private set; } = [];

    /// <summary>GB/T 2260 code prefixes ("35" Fujian, "3501" Fuzhou); empty means every region.</summary>
    public List<string> EligibleRegionPrefixes { get; private set; } = [];

    public bool UnionMembersOnly { get; private set; }

    /// <summary>First platform calendar day a voucher can be redeemed.</summary>
    public DateOnly ValidFrom { get; private set; }

    /// <summary>Last platform calendar day a voucher can be redeemed; the day after, it expires.</summary>
    public DateOnly ValidUntil { get; private set; }

    /// <summary>Learners claim a voucher of this batch with this code while stock lasts; null when claiming is off.</summary>
    public string? ClaimCode { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsReady => GeneratedCount >= Quantity;

    public VoucherTerms Terms => new(EligibleCourseIds, EligibleOccupationIds, EligibleLevels, EligibleRegionPrefixes, UnionMembersOnly, ValidFrom, ValidUntil);

    public void OpenClaiming(string claimCode) => ClaimCode = claimCode;

    public void CloseClaiming() => ClaimCode = null;
}
