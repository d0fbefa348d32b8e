using FluentValidation;
using Microsoft.Extensions.Localization;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Web.Resources;

namespace SkillsAcademy.Web.Features.Authoring;

public sealed class LessonDraftValidator : AbstractValidator<LessonDraft>
{
    public LessonDraftValidator(IStringLocalizer<SharedResource> l)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(d => d.Title).NotEmpty().WithMessage(_ => l["Authoring.TitleRequired"])
            .MaximumLength(Course.MaxTitleLength).WithMessage(_ => l["Package.Length", 1, Course.MaxTitleLength]);
        RuleFor(d => d.NominalMinutes).InclusiveBetween(1, 600).WithMessage(_ => l["Package.Range", 1, 600]);
        RuleFor(d => d.RequiredMinutes).Must((d, required) => required >= 1 && required <= d.NominalMinutes)
            .WithMessage(d => l["Authoring.RequiredMinutes", d.NominalMinutes]);
        RuleFor(d => d.Markdown).NotEmpty().When(d => d.Kind == LessonKind.Article).WithMessage(_ => l["Authoring.ArticleRequired"]);
        RuleFor(d => d.VideoUrl)
            .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
            .When(d => d.Kind == LessonKind.Video && d.MediaPath is null)
            .WithMessage(_ => l["Package.VideoSource"]);
        RuleFor(d => d.VideoSeconds).NotNull().GreaterThan(0).When(d => d.Kind == LessonKind.Video)
            .WithMessage(_ => l["Authoring.VideoSeconds"]);
        RuleFor(d => d.MediaPath).NotEmpty().When(d => d.Kind == LessonKind.Document).WithMessage(_ => l["Upload.DocumentRequired"]);
    }
}
