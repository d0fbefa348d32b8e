using System.Text.Json;
using System.Text.Json.Serialization;
using SkillsAcademy.Domain.Assessment;

namespace SkillsAcademy.Web.Features.Authoring.Packages;

/// <summary>course.json of a course package, as documented in docs/course-package.md.</summary>
public sealed record CoursePackage
{
    public const string ManifestFile = "course.json";

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public int FormatVersion { get; init; }

    public string? Code { get; init; }

    public string? Title { get; init; }

    public string? Summary { get; init; }

    public string? OccupationCode { get; init; }

    public string? SkillLevel { get; init; }

    public bool VoucherEligible { get; init; }

    /// <summary>Only a voucher pays for an enrolment; absent means false.</summary>
    public bool VoucherRequired { get; init; }

    public string? Cover { get; init; }

    public List<PackageInstructor>? Instructors { get; init; }

    public List<PackageModule>? Modules { get; init; }

    /// <summary>Optional final exam (结业考试), drawn from the whole question bank.</summary>
    public PackageQuiz? FinalExam { get; init; }

    public List<PackageQuestion>? Questions { get; init; }
}

public sealed record PackageInstructor
{
    public string? Name { get; init; }

    public List<string>? Honours { get; init; }

    public string? Bio { get; init; }
}

public sealed record PackageModule
{
    public string? Title { get; init; }

    public string? Tag { get; init; }

    public List<PackageLesson>? Lessons { get; init; }

    /// <summary>Optional end-of-module quiz (小结测试), drawn from the questions with this module's tag.</summary>
    public PackageQuiz? Quiz { get; init; }
}

public sealed record PackageLesson
{
    public string? Title { get; init; }

    public string? Kind { get; init; }

    public string? File { get; init; }

    public string? Video { get; init; }

    public string? VideoUrl { get; init; }

    public int? VideoSeconds { get; init; }

    public string? Document { get; init; }

    public int NominalMinutes { get; init; }

    public int RequiredMinutes { get; init; }
}

public sealed record PackageQuestion
{
    public string? Type { get; init; }

    public string? Tag { get; init; }

    public string? Stem { get; init; }

    public List<string>? Options { get; init; }

    public List<int>? Answer { get; init; }

    public string? Explanation { get; init; }
}

/// <summary>A quiz's settings as written in course.json; <c>review</c> is a <see cref="ReviewPolicy"/> name.</summary>
public sealed record PackageQuiz
{
    public int QuestionCount { get; init; }

    public int PassPercent { get; init; }

    public int TimeLimitMinutes { get; init; }

    public int AttemptsAllowed { get; init; }

    public string? Review { get; init; }

    public static PackageQuiz From(QuizSettings settings) => new()
    {
        QuestionCount = settings.QuestionCount,
        PassPercent = settings.PassPercent,
        TimeLimitMinutes = settings.TimeLimitMinutes,
        AttemptsAllowed = settings.AttemptsAllowed,
        Review = settings.Review.ToString(),
    };

    /// <summary>The domain settings; call only on a quiz the validator accepted.</summary>
    public QuizSettings ToSettings() =>
        new(QuestionCount, PassPercent, TimeLimitMinutes, AttemptsAllowed, Enum.Parse<ReviewPolicy>(Review!));
}
