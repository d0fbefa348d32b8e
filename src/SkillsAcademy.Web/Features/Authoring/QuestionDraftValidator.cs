using FluentValidation;
using Microsoft.Extensions.Localization;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Web.Resources;

namespace SkillsAcademy.Web.Features.Authoring;

public sealed class QuestionDraftValidator : AbstractValidator<QuestionDraft>
{
    public QuestionDraftValidator(IStringLocalizer<SharedResource> l)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(q => q.Tag).NotEmpty().WithMessage(_ => l["Authoring.ModuleRequired"]);
        RuleFor(q => q.Stem).NotEmpty().WithMessage(_ => l["Authoring.StemRequired"])
            .MaximumLength(500).WithMessage(_ => l["Package.Length", 1, 500]);
        RuleFor(q => q.Explanation).NotEmpty().WithMessage(_ => l["Authoring.ExplanationRequired"])
            .MaximumLength(1000).WithMessage(_ => l["Package.Length", 1, 1000]);
        When(q => q.Type != QuestionType.TrueFalse, () =>
        {
            RuleFor(q => q.Options).Must(o => o.Count(x => !string.IsNullOrWhiteSpace(x.Text)) >= 2)
                .WithMessage(_ => l["Package.Count", 2, 8]);
            RuleForEach(q => q.Options).Must(o => o.Text.Length <= 300).WithMessage(_ => l["Package.Length", 1, 300]);
        });
        RuleFor(q => q.Options)
            .Must(o => o.Count(x => x.IsCorrect && !string.IsNullOrWhiteSpace(x.Text)) == 1)
            .When(q => q.Type == QuestionType.SingleChoice)
            .WithMessage(_ => l["Package.SingleAnswer"]);
        RuleFor(q => q.Options)
            .Must(o => o.Count(x => x.IsCorrect && !string.IsNullOrWhiteSpace(x.Text)) >= 2 && o.Count(x => !string.IsNullOrWhiteSpace(x.Text)) >= 3)
            .When(q => q.Type == QuestionType.MultipleChoice)
            .WithMessage(_ => l["Package.MultipleAnswer"]);
    }
}
