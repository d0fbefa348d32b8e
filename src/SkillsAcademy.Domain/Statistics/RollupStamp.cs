namespace SkillsAcademy.Domain.Statistics;

/// <summary>
/// A number every rollup transaction raises by one (a single row): whatever a node keeps in memory from the rollup tables is
/// still current while this number is the one it read before loading.
/// </summary>
public sealed class RollupStamp
{
    public const int SingleId = 1;

    public int Id { get; init; } = SingleId;

    public long Version { get; init; }
}
