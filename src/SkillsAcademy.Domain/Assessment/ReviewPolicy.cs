namespace SkillsAcademy.Domain.Assessment;

/// <summary>When a learner may see the correct answers and explanations of a submitted attempt.</summary>
public enum ReviewPolicy
{
    AfterEachAttempt = 1,
    AfterPassing = 2,
    Never = 3,
}
