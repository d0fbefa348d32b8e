using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.Extensions.Localization;
using SkillsAcademy.Domain.Assessment;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Web.Resources;

namespace SkillsAcademy.Web.Features.Authoring.Packages;

/// <summary>
/// Checks a whole package against docs/course-package.md before anything is written. Property names come out as
/// JSON paths (modules[0].lessons[2].requiredMinutes) so that an author can find each problem.
/// </summary>
public sealed partial class CoursePackageValidator : AbstractValidator<CoursePackage>
{
    public const int MaxTitleLength = Course.MaxTitleLength;

    public CoursePackageValidator(
        IStringLocalizer<SharedResource> l, IReadOnlySet<string> occupationCodes, CoursePackageSource files)
    {
        // One message per field: the first rule it breaks.
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(p => p.FormatVersion).Equal(1).WithMessage(_ => l["Package.FormatVersion"]);
        RuleFor(p => p.Code).NotEmpty().WithMessage(_ => l["Package.Required"])
            .Matches(CodePattern()).WithMessage(_ => l["Package.CodeFormat"]);
        RuleFor(p => p.Title).Must(t => Length(t, 1, MaxTitleLength)).WithMessage(_ => l["Package.Length", 1, MaxTitleLength]);
        RuleFor(p => p.Summary).Must(s => Length(s, 1, Course.MaxSummaryLength)).WithMessage(_ => l["Package.Length", 1, Course.MaxSummaryLength]);
        RuleFor(p => p.OccupationCode).Must(c => c is not null && occupationCodes.Contains(c))
            .WithMessage(p => l["Package.UnknownOccupation", p.OccupationCode ?? ""]);
        RuleFor(p => p.SkillLevel).Must(s => s is not null && Enum.TryParse<SkillLevel>(s, out var level) && Enum.IsDefined(level) && s.StartsWith("Level", StringComparison.Ordinal))
            .WithMessage(_ => l["Package.SkillLevel"]);
        RuleFor(p => p.Cover).Must(c => files.Contains(c!)).When(p => p.Cover is not null)
            .WithMessage(p => l["Package.FileMissing", p.Cover ?? ""]);
        RuleFor(p => p.Cover).Must(c => HasExtension(c!, ".jpg", ".jpeg", ".png", ".webp")).When(p => p.Cover is not null)
            .WithMessage(_ => l["Package.FileType", "JPEG/PNG/WebP"]);

        RuleFor(p => p.Instructors).Must(i => i is { Count: >= 1 and <= 5 }).WithMessage(_ => l["Package.Count", 1, 5]);
        RuleForEach(p => p.Instructors).ChildRules(instructor =>
        {
            instructor.RuleFor(i => i.Name).Must(n => Length(n, 1, 50)).WithMessage(_ => l["Package.Length", 1, 50]);
            instructor.RuleFor(i => i.Bio).Must(b => Length(b, 1, 300)).WithMessage(_ => l["Package.Length", 1, 300]);
            instructor.RuleForEach(i => i.Honours)
                .Must(h => Enum.TryParse<InstructorHonours>(h, out var honour) && honour != InstructorHonours.None && Enum.IsDefined(honour) && !int.TryParse(h, out _))
                .WithMessage((_, h) => l["Package.UnknownHonour", h ?? ""]);
        });

        RuleFor(p => p.Modules).Must(m => m is { Count: >= 1 and <= 30 }).WithMessage(_ => l["Package.Count", 1, 30]);
        RuleForEach(p => p.Modules).ChildRules(module =>
        {
            module.RuleFor(m => m.Title).Must(t => Length(t, 1, MaxTitleLength)).WithMessage(_ => l["Package.Length", 1, MaxTitleLength]);
            module.RuleFor(m => m.Tag).Must(t => t is not null && TagPattern().IsMatch(t)).WithMessage(_ => l["Package.TagFormat"]);
            module.RuleFor(m => m.Lessons).Must(x => x is { Count: >= 1 and <= 50 }).WithMessage(_ => l["Package.Count", 1, 50]);
            module.RuleForEach(m => m.Lessons).SetValidator(new LessonValidator(l, files));
        });
        RuleFor(p => p.Modules)
            .Must(m => m!.Select(x => x.Tag).Distinct(StringComparer.Ordinal).Count() == m!.Count)
            .When(p => p.Modules is not null)
            .WithMessage(_ => l["Package.DuplicateTag"]);

        // A quiz can draw only as many questions as the bank holds: its module's tag, or the whole bank for the final exam.
        RuleForEach(p => p.Modules).SetValidator(p => new ModuleQuizValidator(
            l, (p.Questions ?? []).GroupBy(q => q.Tag ?? "", StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal)));
        RuleFor(p => p.FinalExam!).SetValidator(p => new QuizValidator(l, p.Questions?.Count ?? 0, moduleTag: null))
            .When(p => p.FinalExam is not null);

        RuleFor(p => p.Questions).NotNull().WithMessage(_ => l["Package.Required"]);
        RuleForEach(p => p.Questions).SetValidator(p => new QuestionValidator(
            l, p.Modules?.Select(m => m.Tag).OfType<string>().ToHashSet(StringComparer.Ordinal) ?? []));
    }

    /// <summary>FluentValidation's "Modules[0].Lessons[2].RequiredMinutes" as the JSON path "modules[0].lessons[2].requiredMinutes".</summary>
    public static string JsonPath(string propertyName) =>
        SegmentStart().Replace(propertyName, m => m.Value.ToLowerInvariant());

    private static bool Length(string? value, int min, int max) =>
        value is not null && value.Trim().Length >= min && value.Length <= max;

    private static bool HasExtension(string path, params string[] extensions) =>
        extensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    [GeneratedRegex("^[A-Z0-9-]{3,40}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[a-z0-9-]{1,30}$")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"(?<=^|\.)[A-Z]")]
    private static partial Regex SegmentStart();

    private sealed class LessonValidator : AbstractValidator<PackageLesson>
    {
        public LessonValidator(IStringLocalizer<SharedResource> l, CoursePackageSource files)
        {
            RuleLevelCascadeMode = CascadeMode.Stop;
            RuleFor(x => x.Title).Must(t => Length(t, 1, MaxTitleLength)).WithMessage(_ => l["Package.Length", 1, MaxTitleLength]);
            RuleFor(x => x.Kind).Must(k => k is not null && Enum.TryParse<LessonKind>(k, out var kind) && Enum.IsDefined(kind) && !int.TryParse(k, out _))
                .WithMessage(_ => l["Package.LessonKind"]);
            RuleFor(x => x.NominalMinutes).InclusiveBetween(1, 600).WithMessage(_ => l["Package.Range", 1, 600]);
            RuleFor(x => x.RequiredMinutes).Must((lesson, required) => required >= 1 && required <= lesson.NominalMinutes)
                .WithMessage(x => l["Package.RequiredMinutes", x.NominalMinutes]);

            When(x => x.Kind == nameof(LessonKind.Article), () =>
            {
                RuleFor(x => x.File).NotEmpty().WithMessage(_ => l["Package.Required"]);
                RuleFor(x => x.File).Must(f => HasExtension(f!, ".md")).When(x => !string.IsNullOrEmpty(x.File))
                    .WithMessage(_ => l["Package.FileType", "Markdown (.md)"]);
                RuleFor(x => x.File).Must(f => files.Contains(f!)).When(x => !string.IsNullOrEmpty(x.File))
                    .WithMessage(x => l["Package.FileMissing", x.File ?? ""]);
            });
            When(x => x.Kind == nameof(LessonKind.Video), () =>
            {
                RuleFor(x => x.VideoSeconds).NotNull().GreaterThan(0).WithMessage(_ => l["Package.Range", 1, int.MaxValue]);
                RuleFor(x => x.Video).Must(v => files.Contains(v!)).When(x => x.Video is not null)
                    .WithMessage(x => l["Package.FileMissing", x.Video ?? ""]);
                RuleFor(x => x.VideoUrl)
                    .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
                    .When(x => x.Video is null)
                    .WithMessage(_ => l["Package.VideoSource"]);
            });
            When(x => x.Kind == nameof(LessonKind.Document), () =>
            {
                RuleFor(x => x.Document).NotEmpty().WithMessage(_ => l["Package.Required"]);
                RuleFor(x => x.Document).Must(d => HasExtension(d!, ".pdf") && files.Contains(d!)).When(x => !string.IsNullOrEmpty(x.Document))
                    .WithMessage(x => l["Package.FileMissing", x.Document ?? ""]);
            });
        }
    }

    private sealed class ModuleQuizValidator : AbstractValidator<PackageModule>
    {
        public ModuleQuizValidator(IStringLocalizer<SharedResource> l, IReadOnlyDictionary<string, int> questionsByTag) =>
            RuleFor(m => m.Quiz!).SetValidator(m => new QuizValidator(l, questionsByTag.GetValueOrDefault(m.Tag ?? ""), m.Tag ?? ""))
                .When(m => m.Quiz is not null);
    }

    /// <summary>The ranges come from <see cref="QuizSettings.Validate"/>, so a package accepts exactly what the editor accepts.</summary>
    private sealed class QuizValidator : AbstractValidator<PackageQuiz>
    {
        public QuizValidator(IStringLocalizer<SharedResource> l, int bankSize, string? moduleTag)
        {
            RuleLevelCascadeMode = CascadeMode.Stop;
            RuleFor(q => q.QuestionCount)
                .Must((q, _) => !Breaks(q, QuizSettingError.QuestionCount)).WithMessage(_ => l["Package.Range", 1, QuizSettings.MaxQuestions])
                .Must(count => count <= bankSize).WithMessage(q => moduleTag is null
                    ? l["Package.Quiz.BankTooSmall", q.QuestionCount, bankSize]
                    : l["Package.Quiz.TagTooSmall", q.QuestionCount, moduleTag, bankSize]);
            RuleFor(q => q.PassPercent).Must((q, _) => !Breaks(q, QuizSettingError.PassPercent)).WithMessage(_ => l["Package.Range", 1, 100]);
            RuleFor(q => q.TimeLimitMinutes).Must((q, _) => !Breaks(q, QuizSettingError.TimeLimit))
                .WithMessage(_ => l["Package.Range", 1, QuizSettings.MaxTimeLimitMinutes]);
            RuleFor(q => q.AttemptsAllowed).Must((q, _) => !Breaks(q, QuizSettingError.Attempts))
                .WithMessage(_ => l["Package.Quiz.Attempts", QuizSettings.MaxAttempts]);
            RuleFor(q => q.Review)
                .Must(r => r is not null && Enum.TryParse<ReviewPolicy>(r, out var review) && Enum.IsDefined(review) && !int.TryParse(r, out _))
                .WithMessage(_ => l["Package.Quiz.Review"]);
        }

        // The review policy is checked by name above; a valid one stands in here so only the numbers are judged.
        private static bool Breaks(PackageQuiz quiz, QuizSettingError error) =>
            QuizSettings.Validate(quiz.QuestionCount, quiz.PassPercent, quiz.TimeLimitMinutes, quiz.AttemptsAllowed, ReviewPolicy.AfterEachAttempt)
                .Contains(error);
    }

    private sealed class QuestionValidator : AbstractValidator<PackageQuestion>
    {
        public QuestionValidator(IStringLocalizer<SharedResource> l, IReadOnlySet<string> tags)
        {
            RuleLevelCascadeMode = CascadeMode.Stop;
            RuleFor(q => q.Tag).Must(t => t is not null && tags.Contains(t)).WithMessage(q => l["Package.UnknownTag", q.Tag ?? ""]);
            RuleFor(q => q.Stem).Must(s => Length(s, 1, 500)).WithMessage(_ => l["Package.Length", 1, 500]);
            RuleFor(q => q.Explanation).Must(e => Length(e, 1, 1000)).WithMessage(_ => l["Package.Length", 1, 1000]);
            RuleFor(q => q.Type).Must(t => t is not null && Enum.TryParse<QuestionType>(t, out var type) && Enum.IsDefined(type) && !int.TryParse(t, out _))
                .WithMessage(_ => l["Package.QuestionType"]);
            RuleForEach(q => q.Options).Must(o => Length(o, 1, 300)).WithMessage(_ => l["Package.Length", 1, 300]);

            When(q => q.Type == nameof(QuestionType.SingleChoice), () =>
            {
                RuleFor(q => q.Options).Must(o => o is { Count: >= 2 and <= 6 }).WithMessage(_ => l["Package.Count", 2, 6]);
                RuleFor(q => q.Answer).Must((q, a) => a is { Count: 1 } && InRange(a, q.Options)).WithMessage(_ => l["Package.SingleAnswer"]);
            });
            When(q => q.Type == nameof(QuestionType.MultipleChoice), () =>
            {
                RuleFor(q => q.Options).Must(o => o is { Count: >= 3 and <= 8 }).WithMessage(_ => l["Package.Count", 3, 8]);
                RuleFor(q => q.Answer).Must((q, a) => a is { Count: >= 2 } && a.Distinct().Count() == a.Count && InRange(a, q.Options))
                    .WithMessage(_ => l["Package.MultipleAnswer"]);
            });
            When(q => q.Type == nameof(QuestionType.TrueFalse), () =>
            {
                RuleFor(q => q.Options).Must(o => o is null || o.Count == 0).WithMessage(_ => l["Package.TrueFalseOptions"]);
                RuleFor(q => q.Answer).Must(a => a is [0] or [1]).WithMessage(_ => l["Package.TrueFalseAnswer"]);
            });
        }

        private static bool InRange(List<int> answer, List<string>? options) =>
            options is not null && answer.All(i => i >= 0 && i < options.Count);
    }
}
