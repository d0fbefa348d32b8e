using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.Web.Features.Authoring;

public static class AuthoringRegistration
{
    public static WebApplicationBuilder AddAuthoring(this WebApplicationBuilder builder)
    {
        // IFileStore (a folder that several nodes share) is registered by the platform: Platform/ScaleOutRegistration.cs.
        builder.Services.AddValidatedOptions<UploadOptions>(builder.Configuration, UploadOptions.SectionName, o => o.Validate());
        builder.Services.AddScoped<CourseImportService>();
        builder.Services.AddScoped<Packages.CoursePackageWriter>();
        builder.Services.AddScoped<AuthoringService>();
        builder.Services.AddScoped<CourseReviewService>();
        // Item analysis reads quiz attempts but serves the authoring side, so it is registered with it.
        builder.Services.AddScoped<Assessment.ItemAnalysisService>();
        return builder;
    }
}
