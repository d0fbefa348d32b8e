using SkillsAcademy.Domain.Catalog;

namespace SkillsAcademy.Web.Features.Vouchers;

/// <summary>What staff enter to create a voucher batch; empty eligibility lists mean "any".</summary>
public sealed class VoucherBatchRequest
{
    public string Name { get; set; } = "";

    public string FundingSource { get; set; } = "";

    /// <summary>CNY; at most two decimal places.</summary>
    public decimal? FaceValue { get; set; }

    public int? Quantity { get; set; }

    public IReadOnlyCollection<int> CourseIds { get; set; } = [];

    public IReadOnlyCollection<int> OccupationIds { get; set; } = [];

    public IReadOnlyCollection<SkillLevel> Levels { get; set; } = [];

    /// <summary>GB/T 2260 codes of provinces, cities or counties; stored as their prefixes.</summary>
    public IReadOnlyCollection<string> RegionCodes { get; set; } = [];

    public bool UnionMembersOnly { get; set; }

    public DateTime? ValidFrom { get; set; }

    public DateTime? ValidUntil { get; set; }
}
