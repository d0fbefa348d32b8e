namespace SkillsAcademy.Domain.Assessment;

/// <summary>
/// Names a course's quizzes in a way that survives a republished version: a module quiz by its module's tag, the
/// final exam by a fixed name. Attempts and results refer to these keys.
/// </summary>
public static class QuizKeys
{
    public const string FinalExam = "final";
    private const string ModulePrefix = "m-";

    public static string ForModule(string moduleTag) => ModulePrefix + moduleTag;

    public static bool IsFinalExam(string quizKey) => quizKey == FinalExam;

    public static string? ModuleTagOf(string quizKey) =>
        quizKey.StartsWith(ModulePrefix, StringComparison.Ordinal) && quizKey.Length > ModulePrefix.Length ? quizKey[ModulePrefix.Length..] : null;
}
