namespace SkillsAcademy.Domain.Learning;

/// <summary>
/// One append-only learning record. Create it through <see cref="LearningEventChain.Append"/>, which sets
/// the sequence and the hashes; hashes are 64 lowercase hexadecimal characters.
/// </summary>
public sealed record LearningEvent
{
    public required Guid LearnerId { get; init; }

    /// <summary>1-based, contiguous per learner.</summary>
    public required long Sequence { get; init; }

    public required LearningEventKind Kind { get; init; }

    /// <summary>UTC, whole milliseconds.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    public required IReadOnlyDictionary<string, string> Data { get; init; }

    public required string PreviousHash { get; init; }

    public required string Hash { get; init; }
}
