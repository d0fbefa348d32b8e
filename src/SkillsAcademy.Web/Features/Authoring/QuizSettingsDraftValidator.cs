using FluentValidation;
using Microsoft.Extensions.Localization;
using SkillsAcademy.Domain.Assessment;
using SkillsAcademy.Web.Resources;

namespace SkillsAcademy.Web.Features.Authoring;

/// <summary>
/// Names each out-of-range quiz setting in the instructor's language. The ranges are the domain's
/// (<see cref="QuizSettings.Validate"/>), so the form, the package and the entity agree.
/// </summary>
public sealed class QuizSettingsDraftValidator : AbstractValidator<QuizSettingsDraft>
{
    public QuizSettingsDraftValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(d => d.QuestionCount).Must((d, _) => !Breaks(d, QuizSettingError.QuestionCount))
            .WithMessage(_ => l["Quiz.Settings.QuestionCountRange", QuizSettings.MaxQuestions]);
        RuleFor(d => d.PassPercent).Must((d, _) => !Breaks(d, QuizSettingError.PassPercent))
            .WithMessage(_ => l["Quiz.Settings.PassPercentRange"]);
        RuleFor(d => d.TimeLimitMinutes).Must((d, _) => !Breaks(d, QuizSettingError.TimeLimit))
            .WithMessage(_ => l["Quiz.Settings.TimeLimitRange", QuizSettings.MaxTimeLimitMinutes]);
        RuleFor(d => d.AttemptsAllowed).Must((d, _) => !Breaks(d, QuizSettingError.Attempts))
            .WithMessage(_ => l["Quiz.Settings.AttemptsRange", QuizSettings.MaxAttempts]);
        RuleFor(d => d.Review).Must((d, _) => !Breaks(d, QuizSettingError.Review))
            .WithMessage(_ => l["Quiz.Settings.ReviewRequired"]);
    }

    private static bool Breaks(QuizSettingsDraft draft, QuizSettingError error) =>
        QuizSettings.Validate(draft.QuestionCount, draft.PassPercent, draft.TimeLimitMinutes, draft.AttemptsAllowed, draft.Review).Contains(error);
}
