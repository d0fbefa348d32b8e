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
