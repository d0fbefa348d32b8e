namespace SkillsAcademy.Domain.Assessment;

/// <summary>
/// Grades on the server only. A question is correct when the chosen options are exactly the correct ones
/// (all-or-nothing for multiple choice: one missing or one extra option scores nothing). The score is the whole
/// percent of questions answered correctly; an unanswered question is wrong.
/// </summary>
public static class QuizGrading
{
    public static bool IsCorrect(IReadOnlySet<int> correctPositions, IReadOnlyCollection<int>? chosenPositions) =>
        chosenPositions is { Count: > 0 } && correctPositions.SetEquals(chosenPositions);

    public static int ScorePercent(int correct, int questionCount) =>
        questionCount <= 0 ? 0 : correct * 100 / questionCount;

    public static bool Passed(int scorePercent, int passPercent) => scorePercent >= passPercent;

    /// <summary>Whether the learner may see answers and explanations of a submitted attempt now.</summary>
    public static bool MayReview(ReviewPolicy policy, bool passedThisQuiz) => policy switch
    {
        ReviewPolicy.AfterEachAttempt => true,
        ReviewPolicy.AfterPassing => passedThisQuiz,
        _ => false,
    };
}
