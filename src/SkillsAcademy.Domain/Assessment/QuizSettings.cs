namespace SkillsAcademy.Domain.Assessment;

/// <summary>
/// How a module quiz (小结测试) or a final exam (结业考试) is set: how many questions are drawn, the pass mark, the time
/// limit, how many attempts, and when answers are shown. Multiple-choice questions are graded all-or-nothing.
/// </summary>
public sealed class QuizSettings
{
    public const int MaxQuestions = 100;
    public const int MaxTimeLimitMinutes = 240;
    public const int MaxAttempts = 20;

    private QuizSettings()
    {
    }

    public QuizSettings(int questionCount, int passPercent, int timeLimitMinutes, int attemptsAllowed, ReviewPolicy review)
    {
        var errors = Validate(questionCount, passPercent, timeLimitMinutes, attemptsAllowed, review);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors.Select(e => e.ToString())));
        }

        QuestionCount = questionCount;
        PassPercent = passPercent;
        TimeLimitMinutes = timeLimitMinutes;
        AttemptsAllowed = attemptsAllowed;
        Review = review;
    }

    public int QuestionCount { get; private set; }

    /// <summary>The lowest passing score, in percent of the questions answered correctly.</summary>
    public int PassPercent { get; private set; }

    public int TimeLimitMinutes { get; private set; }

    /// <summary>Attempts a learner may make; 0 means no limit.</summary>
    public int AttemptsAllowed { get; private set; }

    public ReviewPolicy Review { get; private set; }

    public QuizSettings Copy() => new(QuestionCount, PassPercent, TimeLimitMinutes, AttemptsAllowed, Review);

    /// <summary>What is wrong with a setting, as field names, so callers can say it in the user's language.</summary>
    public static IReadOnlyList<QuizSettingError> Validate(int questionCount, int passPercent, int timeLimitMinutes, int attemptsAllowed, ReviewPolicy review)
    {
        var errors = new List<QuizSettingError>();
        if (questionCount is < 1 or > MaxQuestions)
        {
            errors.Add(QuizSettingError.QuestionCount);
        }

        if (passPercent is < 1 or > 100)
        {
            errors.Add(QuizSettingError.PassPercent);
        }

        if (timeLimitMinutes is < 1 or > MaxTimeLimitMinutes)
        {
            errors.Add(QuizSettingError.TimeLimit);
        }

        if (attemptsAllowed is < 0 or > MaxAttempts)
        {
            errors.Add(QuizSettingError.Attempts);
        }

        if (!Enum.IsDefined(review))
        {
            errors.Add(QuizSettingError.Review);
        }

        return errors;
    }
}

public enum QuizSettingError
{
    QuestionCount = 1,
    PassPercent,
    TimeLimit,
    Attempts,
    Review,
}
