using FluentValidation;
using Microsoft.Extensions.Localization;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Web.Resources;

namespace SkillsAcademy.Web.Features.Authoring;

public sealed class CourseDraftRequestValidator : AbstractValidator<CourseDraftRequest>
{
    public CourseDraftRequestValidator(IStringLocalizer<SharedResource> l)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.Title).NotEmpty().WithMessage(_ => l["Authoring.TitleRequired"])
            .MaximumLength(Course.MaxTitleLength).WithMessage(_ => l["Package.Length", 1, Course.MaxTitleLength]);
        RuleFor(r => r.Summary).NotEmpty().WithMessage(_ => l["Authoring.SummaryRequired"])
            .MaximumLength(Course.MaxSummaryLength).WithMessage(_ => l["Package.Length", 1, Course.MaxSummaryLength]);
        RuleFor(r => r.OccupationId).NotNull().WithMessage(_ => l["Authoring.OccupationRequired"]);
        RuleFor(r => r.Level).IsInEnum().WithMessage(_ => l["Package.SkillLevel"]);
        RuleFor(r => r.InstructorName).NotEmpty().WithMessage(_ => l["Authoring.InstructorRequired"])
            .MaximumLength(50).WithMessage(_ => l["Package.Length", 1, 50]);
        RuleFor(r => r.InstructorBio).MaximumLength(300).WithMessage(_ => l["Package.Length", 0, 300]);
    }
}
