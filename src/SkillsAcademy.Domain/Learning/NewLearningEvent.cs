namespace SkillsAcademy.Domain.Learning;

/// <summary>What happened, before it is given its place in the learner's chain.</summary>
public sealed record NewLearningEvent(
    Guid LearnerId,
    LearningEventKind Kind,
    DateTimeOffset OccurredAt,
    IReadOnlyDictionary<string, string> Data);
