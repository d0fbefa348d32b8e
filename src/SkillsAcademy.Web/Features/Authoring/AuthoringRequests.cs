using SkillsAcademy.Domain.Assessment;
using SkillsAcademy.Domain.Catalog;

namespace SkillsAcademy.Web.Features.Authoring;

/// <summary>Who acts: authors may change only their own courses; staff review.</summary>
public sealed record AuthoringActor(Guid UserId, bool IsStaff)
{
    public static AuthoringActor From(System.Security.Claims.ClaimsPrincipal user) => new(
        Accounts.UserClaims.UserId(user),
        user.IsInRole(Domain.People.Roles.FederationStaff) || user.IsInRole(Domain.People.Roles.Admin));
}

public sealed class CourseDraftRequest
{
    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";

    public int? OccupationId { get; set; }

    public SkillLevel Level { get; set; } = SkillLevel.Level5;

    public bool VoucherEligible { get; set; }

    public string InstructorName { get; set; } = "";

    public InstructorHonours Honours { get; set; }

    public string InstructorBio { get; set; } = "";
}

public sealed class LessonDraft
{
    public int? LessonId { get; set; }

    public string Title { get; set; } = "";

    public LessonKind Kind { get; set; } = LessonKind.Article;

    public string? Markdown { get; set; }

    public string? VideoUrl { get; set; }

    public int? VideoSeconds { get; set; }

    /// <summary>Store path of an uploaded video or PDF (from UploadMediaAsync).</summary>
    public string? MediaPath { get; set; }

    public int NominalMinutes { get; set; } = 20;

    public int RequiredMinutes { get; set; } = 15;
}

public sealed class QuestionDraft
{
    public int? QuestionId { get; set; }

    public QuestionType Type { get; set; } = QuestionType.SingleChoice;

    public string Tag { get; set; } = "";

    public string Stem { get; set; } = "";

    public string Explanation { get; set; } = "";

    public List<OptionDraft> Options { get; set; } = [new(), new(), new(), new()];

    /// <summary>For true/false questions: whether the statement is true.</summary>
    public bool StatementIsTrue { get; set; }
}

public sealed class OptionDraft
{
    public string Text { get; set; } = "";

    public bool IsCorrect { get; set; }
}

/// <summary>A module quiz or the final exam as the editor's form holds it; the defaults are a sensible first quiz.</summary>
public sealed class QuizSettingsDraft
{
    public int QuestionCount { get; set; } = 5;

    public int PassPercent { get; set; } = 60;

    public int TimeLimitMinutes { get; set; } = 15;

    /// <summary>0 means no limit.</summary>
    public int AttemptsAllowed { get; set; } = 3;

    public ReviewPolicy Review { get; set; } = ReviewPolicy.AfterEachAttempt;

    public static QuizSettingsDraft From(QuizSettings settings) => new()
    {
        QuestionCount = settings.QuestionCount,
        PassPercent = settings.PassPercent,
        TimeLimitMinutes = settings.TimeLimitMinutes,
        AttemptsAllowed = settings.AttemptsAllowed,
        Review = settings.Review,
    };

    /// <summary>The domain settings; call only on a draft the validator accepted.</summary>
    public QuizSettings ToSettings() => new(QuestionCount, PassPercent, TimeLimitMinutes, AttemptsAllowed, Review);
}

/// <summary>The outcome of an authoring use case: the id it produced, or messages per field.</summary>
public sealed record AuthoringResult(int? Id, IReadOnlyDictionary<string, string[]> Errors)
{
    public const string General = "";

    public bool Succeeded => Errors.Count == 0;

    public static AuthoringResult Ok(int? id = null) => new(id, new Dictionary<string, string[]>());

    public static AuthoringResult Fail(string message, string field = General) =>
        new(null, new Dictionary<string, string[]> { [field] = [message] });

    public static AuthoringResult Fail(IEnumerable<FluentValidation.Results.ValidationFailure> failures) =>
        new(null, failures.GroupBy(f => f.PropertyName).ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).ToArray()));
}
