using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Domain.People;

namespace SkillsAcademy.Domain.Statistics;

/// <summary>
/// What the dashboard and the exports count: a day range (inclusive, platform calendar days) and optional
/// dimensions. A region filter takes a province, city or county code and includes everything under it.
/// </summary>
public sealed record StatisticsFilter
{
    /// <summary>The longest range one question may cover; keeps a typo like year 2206 from scanning centuries.</summary>
    public const int MaxDays = 3660;

    public required DateOnly From { get; init; }

    public required DateOnly To { get; init; }

    public string? RegionCode { get; init; }

    public int? OccupationId { get; init; }

    public SkillLevel? SkillLevel { get; init; }

    public int? EnterpriseId { get; init; }

    public int? CourseId { get; init; }

    /// <summary>The region codes this filter includes start with this (empty: every region, including unknown).</summary>
    public string RegionPrefix => RegionCode is null ? "" : RegionPrefixOf(RegionCode);

    public static string RegionPrefixOf(string regionCode) => new Region(regionCode, regionCode).Level switch
    {
        RegionLevel.Province => regionCode[..2],
        RegionLevel.City => regionCode[..4],
        _ => regionCode,
    };

    /// <summary>Problems with the filter, as resource keys; empty when it can be answered.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (To < From)
        {
            problems.Add("Statistics.Error.RangeReversed");
        }
        else if (To.DayNumber - From.DayNumber + 1 > MaxDays)
        {
            problems.Add("Statistics.Error.RangeTooLong");
        }

        if (RegionCode is not null && (RegionCode.Length != 6 || !RegionCode.All(char.IsAsciiDigit)))
        {
            problems.Add("Statistics.Error.Region");
        }

        return problems;
    }
}
